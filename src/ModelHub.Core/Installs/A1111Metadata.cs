using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelHub.Installs;

/// <summary>
/// AUTOMATIC1111's user metadata sidecar, &lt;name&gt;.json, as its extra-networks editors and sd-civitai-browser-plus
/// write it: "activation text", "sd version" and "description" (A1111's own keys), plus "modelId", "modelVersionId"
/// and "sha256" (Browser+'s, SHA-256 in uppercase as Civitai shows it). Merged into a file the user already has: every
/// key of theirs stays, and A1111's keys keep a value the user gave (an "sd version" of Unknown counts as none, it
/// is the editor's default). The hub facts (ids, hash) always describe the file installed. "preferred weight" is
/// left to the user: neither hub states one.
/// </summary>
internal static class A1111Metadata
{
    public const string ActivationText = "activation text";
    public const string SdVersion = "sd version";
    public const string Description = "description";
    public const string ModelId = "modelId";
    public const string ModelVersionId = "modelVersionId";
    public const string Sha256 = "sha256";

    /// <summary>A1111's "sd version" value when the family is none of SD1, SD2 and SDXL.</summary>
    public const string UnknownVersion = "Unknown";

    /// <summary>
    /// A1111's "sd version" (SD1, SD2, SDXL, Unknown: the versions its LoRA loader tells apart) for a base model
    /// family. Pony, Illustrious and NoobAI are SDXL models, so A1111 treats them as SDXL.
    /// </summary>
    public static string SdVersionOf(string family) => family switch
    {
        "SD 1.5" => "SD1",
        "SD 2.x" => "SD2",
        "SDXL" or "Pony" or "Illustrious" or "NoobAI" => "SDXL",
        _ => UnknownVersion,
    };

    /// <summary>
    /// <paramref name="existing"/> (the user's file, or a new object) with ModelHub's keys merged in, for the installed
    /// file of <paramref name="item"/>; <paramref name="description"/> is the card's text, when it could be read.
    /// </summary>
    /// <param name="secrets">Tokens that must not reach the file (the hub's text is cleaned of them and of URL secrets; the user's values are not touched).</param>
    public static JsonObject Merge(JsonObject existing, InstalledItem item, InstalledFile file, string? description, IReadOnlyList<string?> secrets)
    {
        var words = item.Version.TrainedWords.Where(word => !string.IsNullOrWhiteSpace(word)).Select(word => word.Trim()).ToArray();
        if (words.Length > 0)
        {
            KeepUsers(existing, ActivationText, StoredJson.Clean(string.Join(", ", words), secrets));
        }

        KeepUsers(existing, SdVersion, SdVersionOf(item.Version.BaseModel), UnknownVersion);
        if (!string.IsNullOrWhiteSpace(description))
        {
            KeepUsers(existing, Description, StoredJson.Clean(description!.Trim(), secrets));
        }

        existing[ModelId] = HubId(item.Model.Hub, item.Model.Id);
        existing[ModelVersionId] = HubId(item.Model.Hub, item.Version.VersionId);
        existing[Sha256] = file.Sha256.ToUpperInvariant();
        return existing;
    }

    /// <summary>Sets the key unless the user's value is a non-empty string other than <paramref name="placeholder"/>.</summary>
    private static void KeepUsers(JsonObject metadata, string key, string value, string? placeholder = null)
    {
        if (metadata[key] is JsonValue current && current.GetValueKind() == JsonValueKind.String
            && current.GetValue<string>() is { } text && text.Trim().Length > 0 && text != placeholder)
        {
            return;
        }

        metadata[key] = value;
    }

    /// <summary>Civitai's ids are numbers in its JSON (Browser+ writes them so); Hugging Face's are a repo id and a commit.</summary>
    private static JsonNode HubId(Hub hub, string id) =>
        hub == Hub.Civitai && long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(id)!;
}
