using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ModelHub.Http;

namespace ModelHub.Installs;

/// <summary>
/// The JSON files written beside installs, and the guard that keeps secrets out of them: every string ModelHub
/// stores loses the secret parts of the URLs in it (tokens, signatures) and any token it was given.
/// </summary>
internal static class StoredJson
{
    /// <summary>The install record: camelCase, enums by name, indented, nulls left out.</summary>
    public static readonly JsonSerializerOptions Record = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Sidecars other tools read (A1111's metadata, a .civitai.info that had to be cleaned): indented by four, as Python's json.dump(indent=4) writes them.</summary>
    public static readonly JsonSerializerOptions Python = new()
    {
        WriteIndented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The text without secrets: URL secrets removed, the given secrets masked.</summary>
    public static string Clean(string text, IReadOnlyList<string?> secrets) => Redaction.Text(Redaction.StripUrlSecrets(text), secrets.ToArray());

    /// <summary>Cleans every string value in <paramref name="node"/>, in place; true when one changed.</summary>
    public static bool Clean(JsonNode? node, IReadOnlyList<string?> secrets)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject members:
                foreach (var name in members.Select(member => member.Key).ToList())
                {
                    changed |= CleanItem(members[name], secrets, cleaned => members[name] = cleaned);
                }

                break;
            case JsonArray items:
                for (var index = 0; index < items.Count; index++)
                {
                    var at = index;
                    changed |= CleanItem(items[at], secrets, cleaned => items[at] = cleaned);
                }

                break;
        }

        return changed;
    }

    private static bool CleanItem(JsonNode? item, IReadOnlyList<string?> secrets, System.Action<string> replace)
    {
        if (item is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            var cleaned = Clean(text, secrets);
            if (cleaned == text)
            {
                return false;
            }

            replace(cleaned);
            return true;
        }

        return Clean(item, secrets);
    }
}
