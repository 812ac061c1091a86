using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelHub.HubEmulator.Civitai.Wire;

/// <summary>
/// The one rewrite applied to recorded responses: URLs on civitai.com move to the Civitai origin, URLs on Civitai's
/// image hosts to a real image on the CDN origin, and each file's sizeKB and hash values follow the bytes served
/// (the hash keys recorded stay as they are). Every other value, and the key order, is kept. Text that merely
/// contains a URL (HTML descriptions) is content and stays as recorded.
/// </summary>
internal static partial class RecordedRewriter
{
    private const string Site = "https://civitai.com/";
    private const int DefaultImageSide = 512;
    private static readonly string[] ImageHosts = ["https://image.civitai.com/", "https://imagecache.civitai.com/"];

    public static JsonObject Rewrite(JsonObject recorded, RenderContext context) => RewriteObject(recorded, context);

    private static JsonNode? Rewrite(JsonNode? node, RenderContext context, (int Width, int Height)? pixels) => node switch
    {
        JsonObject json => RewriteObject(json, context),
        JsonArray array => new JsonArray(array.Select(item => Rewrite(item, context, pixels)).ToArray()),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => RewriteUrl(value.GetValue<string>(), context, pixels) is { } url ? url : value.DeepClone(),
        _ => node?.DeepClone(),
    };

    private static JsonObject RewriteObject(JsonObject json, RenderContext context)
    {
        var file = json["hashes"] is JsonObject && json["id"] is JsonValue id && id.TryGetValue(out int fileId) ? context.Catalog.File(fileId) : null;
        var pixels = json["width"] is JsonValue width && json["height"] is JsonValue height && width.TryGetValue(out int w) && height.TryGetValue(out int h)
            ? (w, h)
            : ((int, int)?)null;
        var result = new JsonObject();
        foreach (var (key, value) in json)
        {
            result[key] = (file, key) switch
            {
                ({ } served, "sizeKB") => served.SizeKb,
                ({ } served, "hashes") => FileWire.Hashes(served, context),
                _ => Rewrite(value, context, pixels),
            };
        }

        return result;
    }

    /// <summary>The emulator's address for a recorded URL; null when the text is not a Civitai URL.</summary>
    private static string? RewriteUrl(string text, RenderContext context, (int Width, int Height)? pixels)
    {
        if (text.StartsWith(Site, StringComparison.Ordinal))
        {
            return context.CivitaiUrl(text.Substring(Site.Length - 1));
        }

        var host = ImageHosts.FirstOrDefault(prefix => text.StartsWith(prefix, StringComparison.Ordinal));
        if (host is null)
        {
            return null;
        }

        var path = text.Substring(host.Length);
        var slash = path.LastIndexOf('/');
        var (width, height) = ServedPixels(path, pixels);
        var image = context.Catalog.RecordedImage("civitai/recorded-images/" + path.Substring(0, Math.Max(slash, 0)), width, height);
        return context.ImageUrl(image, path.Substring(slash + 1));
    }

    /// <summary>The size Civitai's image service would answer: the picture's own, narrowed to a width=N in the URL; avatars are square.</summary>
    private static (int Width, int Height) ServedPixels(string path, (int Width, int Height)? pixels)
    {
        var match = WidthSegment().Match(path);
        var wanted = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
        return (pixels, wanted) switch
        {
            ({ } own, { } narrow) when narrow < own.Width => (narrow, Math.Max(1, (int)Math.Round((double)own.Height * narrow / own.Width))),
            ({ } own, _) => own,
            (null, { } side) => (side, side),
            _ => (DefaultImageSide, DefaultImageSide),
        };
    }

    [GeneratedRegex("/width=([0-9]+)/", RegexOptions.CultureInvariant)]
    private static partial Regex WidthSegment();
}
