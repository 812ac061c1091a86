using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>
/// Undoes what the emulator may change in a recorded response, so the rest can be compared exactly: the origin of
/// Civitai URLs, image URLs (any host), and each file's sizeKB and hash values (not which hash keys there are).
/// </summary>
internal sealed class RecordedNormalizer
{
    private const string RecordedSite = "https://civitai.com";
    private const string Image = "<image>";
    private static readonly string[] RecordedImageHosts = ["https://image.civitai.com/", "https://imagecache.civitai.com/"];

    private readonly string _civitai;
    private readonly string _cdn;

    public RecordedNormalizer(Origins origins)
    {
        _civitai = origins.Civitai.GetLeftPart(UriPartial.Authority);
        _cdn = origins.Cdn.GetLeftPart(UriPartial.Authority) + "/";
    }

    /// <summary>The normalised JSON text, key order kept, for exact comparison.</summary>
    public string Normalize(JsonNode? node) => Rewrite(node)?.ToJsonString() ?? "null";

    private JsonNode? Rewrite(JsonNode? node) => node switch
    {
        JsonObject json => RewriteObject(json),
        JsonArray array => new JsonArray(array.Select(Rewrite).ToArray()),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(RewriteText(value.GetValue<string>())),
        _ => node?.DeepClone(),
    };

    private JsonObject RewriteObject(JsonObject json)
    {
        var isFile = json["hashes"] is JsonObject && json.ContainsKey("sizeKB");
        var result = new JsonObject();
        foreach (var (key, value) in json)
        {
            result[key] = (isFile, key) switch
            {
                (true, "sizeKB") => "<sizeKB>",
                (true, "hashes") => new JsonObject(value!.AsObject().Select(hash => new KeyValuePair<string, JsonNode?>(hash.Key, "<hash>"))),
                _ => Rewrite(value),
            };
        }

        return result;
    }

    private string RewriteText(string text)
    {
        if (text.StartsWith(_civitai + "/", StringComparison.Ordinal))
        {
            return RecordedSite + text.Substring(_civitai.Length);
        }

        return text.StartsWith(_cdn, StringComparison.Ordinal) || RecordedImageHosts.Any(host => text.StartsWith(host, StringComparison.Ordinal)) ? Image : text;
    }
}
