using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelHub.HubEmulator.Tests.HuggingFace;

/// <summary>
/// Puts recorded and served JSON in one comparable form: keys sorted, URLs on Hugging Face hosts or on the
/// emulator's origins replaced by "&lt;hub&gt;", and (for tree entries) file hashes and sizes replaced by
/// "&lt;file&gt;", since the emulator serves other bytes than the recording.
/// </summary>
internal static partial class RecordedJson
{
    private static readonly string[] FileIdentityKeys = ["oid", "size", "xetHash", "pointerSize", "sha256", "blobId"];

    public static string Normalise(JsonNode? node, Origins origins, bool fileIdentities) =>
        Canonical(node, origins, fileIdentities)?.ToJsonString() ?? "null";

    private static JsonNode? Canonical(JsonNode? node, Origins origins, bool fileIdentities) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair =>
            KeyValuePair(pair.Key, fileIdentities && FileIdentityKeys.Contains(pair.Key) ? JsonValue.Create("<file>") : Canonical(pair.Value, origins, fileIdentities)))),
        JsonArray list => new JsonArray(list.Select(item => Canonical(item, origins, fileIdentities)).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(Urls(text, origins)),
        _ => node?.DeepClone(),
    };

    private static System.Collections.Generic.KeyValuePair<string, JsonNode?> KeyValuePair(string key, JsonNode? value) => new(key, value);

    private static string Urls(string text, Origins origins)
    {
        foreach (var origin in new[] { origins.HuggingFace, origins.Cdn, origins.Civitai })
        {
            text = text.Replace(origin.GetLeftPart(UriPartial.Authority), "<hub>", StringComparison.Ordinal);
        }

        return HubHost().Replace(text, "<hub>");
    }

    [GeneratedRegex(@"https?://(?:[a-z0-9-]+\.)*(?:huggingface\.co|hf\.co)", RegexOptions.IgnoreCase)]
    private static partial Regex HubHost();
}
