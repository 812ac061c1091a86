using System;
using System.Globalization;
using System.Linq;
using System.Text;
using ModelHub.Discovery;

namespace ModelHub.Gallery;

/// <summary>
/// One model's card: name linked to its page, hub, type, base model, sample images, stats, licence, trigger
/// words and the command that installs it. Its data- attributes are what the page's script sorts and filters by.
/// </summary>
internal static class ModelCardMarkup
{
    private const int TagsShown = 8;

    public static void Append(StringBuilder html, GalleryEntry entry, int index)
    {
        var model = entry.Model;
        html.Append("<article class=\"card\"")
            .Append(" data-index=\"").Append(index.ToString(CultureInfo.InvariantCulture)).Append('"')
            .Append(" data-name=\"").Append(HtmlText.Encode(model.Name)).Append('"')
            .Append(" data-hub=\"").Append(model.Hub).Append('"')
            .Append(" data-type=\"").Append(model.Type).Append('"')
            .Append(" data-downloads=\"").Append(Number(model.Downloads)).Append('"')
            .Append(" data-likes=\"").Append(Number(model.Likes)).Append('"')
            .Append(" data-search=\"").Append(HtmlText.Encode(SearchText(model))).Append("\">");

        AppendHeading(html, model);
        AppendChips(html, model);
        AppendImages(html, entry);
        AppendFacts(html, model);

        var command = "Install-HubModel " + new ModelReference(model.Hub, model.Id);
        html.Append("<div class=\"install\"><code>").Append(HtmlText.Encode(command))
            .Append("</code><button type=\"button\" hidden>Copy</button></div></article>\n");
    }

    /// <summary>The page's display name of a hub.</summary>
    public static string HubName(Hub hub) => hub == Hub.HuggingFace ? "Hugging Face" : "Civitai";

    private static void AppendHeading(StringBuilder html, Model model)
    {
        var name = HtmlText.Encode(string.IsNullOrWhiteSpace(model.Name) ? model.Id : model.Name);
        html.Append("<header><h2>");
        if (HtmlText.Url(model.Url) is { } page)
        {
            html.Append("<a href=\"").Append(page).Append("\" target=\"_blank\" rel=\"noopener noreferrer\">").Append(name).Append("</a>");
        }
        else
        {
            html.Append(name);
        }

        html.Append("</h2>");
        if (!string.IsNullOrWhiteSpace(model.Author))
        {
            html.Append("<p class=\"byline\">by ").Append(HtmlText.Encode(model.Author)).Append("</p>");
        }

        html.Append("</header>");
    }

    private static void AppendChips(StringBuilder html, Model model)
    {
        html.Append("<ul class=\"chips\"><li class=\"hub-").Append(model.Hub.ToString().ToLowerInvariant()).Append("\">")
            .Append(HubName(model.Hub)).Append("</li><li>").Append(model.Type).Append("</li>");
        if (model.BaseModel != BaseModels.Unknown)
        {
            html.Append("<li>").Append(HtmlText.Encode(model.BaseModel)).Append("</li>");
        }

        if (model.Nsfw)
        {
            html.Append("<li>NSFW</li>");
        }

        html.Append("</ul>");
    }

    private static void AppendImages(StringBuilder html, GalleryEntry entry)
    {
        if (entry.Images.Count == 0)
        {
            html.Append("<p class=\"no-shots\">No sample images</p>");
            return;
        }

        html.Append("<div class=\"shots\">");
        foreach (var image in entry.Images)
        {
            SampleImageMarkup.Append(html, image, entry.Model.Name);
        }

        html.Append("</div>");
    }

    private static void AppendFacts(StringBuilder html, Model model)
    {
        html.Append("<dl class=\"facts\">");
        // Hugging Face counts downloads of the last 30 days only; the label says so.
        Fact(html, model.Hub == Hub.HuggingFace ? "Downloads (30 days)" : "Downloads", model.Downloads?.ToString("N0", CultureInfo.InvariantCulture));
        Fact(html, "Likes", model.Likes?.ToString("N0", CultureInfo.InvariantCulture));
        Fact(html, "Licence", model.License);
        Fact(html, "Updated", (model.UpdatedAt ?? model.CreatedAt)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        // Hugging Face's prefixed tags (license:…, base_model:…, region:…) repeat other facts or say nothing to a reader.
        var tags = model.Tags.Where(tag => tag.IndexOf(':') < 0).Take(TagsShown).ToArray();
        Fact(html, "Tags", tags.Length == 0 ? null : string.Join(", ", tags));
        var words = model.LatestVersion?.TrainedWords ?? Array.Empty<string>();
        if (words.Count > 0)
        {
            html.Append("<dt>Trigger words</dt><dd><ul class=\"words\">");
            foreach (var word in words)
            {
                html.Append("<li><code>").Append(HtmlText.Encode(word)).Append("</code></li>");
            }

            html.Append("</ul></dd>");
        }

        html.Append("</dl>");
    }

    private static void Fact(StringBuilder html, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            html.Append("<dt>").Append(label).Append("</dt><dd>").Append(HtmlText.Encode(value)).Append("</dd>");
        }
    }

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>What the filter box matches: lower-cased name, id, author, hub, type, base model, tags and trigger words.</summary>
    private static string SearchText(Model model) =>
        string.Join(" ", new[] { model.Name, model.Id, model.Author, HubName(model.Hub), model.Type.ToString(), model.BaseModel }
                .Concat(model.Tags)
                .Concat(model.LatestVersion?.TrainedWords ?? Array.Empty<string>()))
            .ToLowerInvariant();
}
