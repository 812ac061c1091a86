using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ModelHub.Gallery;

/// <summary>
/// Builds the gallery: one self-contained HTML page with a card per model. Everything a reader needs is in
/// the markup; the inline script, allowed by its hash in the Content-Security-Policy, only sorts and filters.
/// </summary>
public static class GalleryPage
{
    public static string Build(IReadOnlyList<GalleryEntry> entries, DateTimeOffset generatedAt)
    {
        var count = entries.Count == 1 ? "1 model" : entries.Count.ToString(CultureInfo.InvariantCulture) + " models";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlText.Encode(GalleryAssets.ContentSecurityPolicy)).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>ModelHub gallery: ").Append(count).Append("</title>\n")
            .Append("<style>").Append(GalleryAssets.Style).Append("</style>\n</head>\n<body>\n")
            .Append("<header class=\"page-header\"><h1>ModelHub gallery</h1><p>").Append(count).Append(" · ")
            .Append(generatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
            .Append(" · click an image for its generation parameters</p></header>\n");
        AppendToolbar(html, entries);
        html.Append("<main class=\"cards\" id=\"cards\">\n");
        for (var index = 0; index < entries.Count; index++)
        {
            ModelCardMarkup.Append(html, entries[index], index);
        }

        html.Append("</main>\n");
        if (entries.Count == 0)
        {
            html.Append("<p class=\"empty\">No models were given.</p>\n");
        }

        return html.Append("<script>").Append(GalleryAssets.Script).Append("</script>\n</body>\n</html>\n").ToString();
    }

    /// <summary>The filter box and the type, hub and order choices; hidden until the script shows it (it does nothing without it).</summary>
    private static void AppendToolbar(StringBuilder html, IReadOnlyList<GalleryEntry> entries)
    {
        html.Append("<div class=\"toolbar\" id=\"toolbar\" hidden>")
            .Append("<input id=\"filter\" type=\"search\" placeholder=\"Filter by name, author, tag or trigger word\" aria-label=\"Filter\">")
            .Append("<select id=\"type\" aria-label=\"Type\"><option value=\"\">All types</option>");
        foreach (var type in entries.Select(entry => entry.Model.Type).Distinct().OrderBy(type => type))
        {
            html.Append("<option value=\"").Append(type).Append("\">").Append(type).Append("</option>");
        }

        html.Append("</select><select id=\"hub\" aria-label=\"Hub\"><option value=\"\">Both hubs</option>");
        foreach (var hub in entries.Select(entry => entry.Model.Hub).Distinct().OrderBy(hub => hub))
        {
            html.Append("<option value=\"").Append(hub).Append("\">").Append(ModelCardMarkup.HubName(hub)).Append("</option>");
        }

        html.Append("</select><select id=\"sort\" aria-label=\"Order\">")
            .Append("<option value=\"index\">As listed</option><option value=\"downloads\">Most downloaded</option>")
            .Append("<option value=\"likes\">Most liked</option><option value=\"name\">Name</option></select>")
            .Append("<output id=\"count\"></output></div>\n");
    }
}
