using System.Globalization;
using System.Linq;
using System.Text;

namespace ModelHub.Gallery;

/// <summary>
/// A sample image as a <c>details</c> element: the lazy-loaded image is its summary, so a click (no script
/// needed) opens the generation parameters below it; hovering shows the prompt as the image's title.
/// </summary>
internal static class SampleImageMarkup
{
    /// <summary>Appends the image, or nothing when its URL is not http or https.</summary>
    public static void Append(StringBuilder html, ModelImage image, string modelName)
    {
        if (HtmlText.Url(image.Url) is not { } source)
        {
            return;
        }

        html.Append("<details class=\"shot\"><summary><img loading=\"lazy\" src=\"").Append(source).Append('"')
            .Append(" alt=\"").Append(HtmlText.Encode("Sample image of " + modelName)).Append('"')
            .Append(" title=\"").Append(HtmlText.Encode(image.Prompt ?? "Click for the generation parameters")).Append('"');
        if (image.Width is { } width && image.Height is { } height)
        {
            html.Append(" width=\"").Append(width.ToString(CultureInfo.InvariantCulture))
                .Append("\" height=\"").Append(height.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        html.Append("></summary><dl class=\"params\">");
        Parameter(html, "Prompt", image.Prompt);
        Parameter(html, "Negative prompt", image.NegativePrompt);
        Parameter(html, "Seed", image.Seed?.ToString(CultureInfo.InvariantCulture));
        Parameter(html, "Steps", image.Steps?.ToString(CultureInfo.InvariantCulture));
        Parameter(html, "Sampler", image.Sampler);
        Parameter(html, "CFG scale", image.CfgScale?.ToString("0.##", CultureInfo.InvariantCulture));
        Parameter(html, "Model", image.Model);
        Parameter(html, "Resources", image.Resources.Count == 0 ? null : string.Join(", ", image.Resources.Select(Describe)));
        Parameter(html, "Size", image.Width is { } w && image.Height is { } h ? string.Format(CultureInfo.InvariantCulture, "{0} × {1}", w, h) : null);
        html.Append("<dt>Image</dt><dd><a href=\"").Append(source).Append("\" target=\"_blank\" rel=\"noopener noreferrer\">full size</a></dd>");
        html.Append("</dl></details>");
    }

    private static void Parameter(StringBuilder html, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            html.Append("<dt>").Append(label).Append("</dt><dd>").Append(HtmlText.Encode(value)).Append("</dd>");
        }
    }

    /// <summary>A resource as "name (type, weight)".</summary>
    private static string Describe(ImageResource resource)
    {
        var details = new[] { resource.Type, resource.Weight?.ToString("0.##", CultureInfo.InvariantCulture) }.Where(part => !string.IsNullOrEmpty(part));
        var name = resource.ToString();
        return details.Any() ? $"{name} ({string.Join(", ", details)})" : name;
    }
}
