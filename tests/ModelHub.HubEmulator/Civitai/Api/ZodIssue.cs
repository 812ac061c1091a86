using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// A validation failure as the server's zod (v4) schemas report it. /models and /images send the serialized ZodError
/// (<c>{"error":{"name":"ZodError","message":"[issues as indented JSON]"}}</c>); single-resource endpoints send
/// z.prettifyError's text. Neither body was ever captured (civitai-api.md §8), so these are the zod v4 forms.
/// </summary>
internal sealed record ZodIssue(string Code, string Path, string Message, IReadOnlyDictionary<string, JsonNode?> Details)
{
    public static ZodIssue NotANumber(string path) =>
        new("invalid_type", path, "Invalid input: expected number, received NaN", new Dictionary<string, JsonNode?> { ["expected"] = "number" });

    public static ZodIssue NotAnInteger(string path) =>
        new("invalid_type", path, "Invalid input: expected int, received number", new Dictionary<string, JsonNode?> { ["expected"] = "int", ["format"] = "safeint" });

    public static ZodIssue TooBig(string path, long maximum) =>
        new("too_big", path, string.Create(CultureInfo.InvariantCulture, $"Too big: expected number to be <={maximum}"),
            new Dictionary<string, JsonNode?> { ["origin"] = "number", ["maximum"] = maximum, ["inclusive"] = true });

    public static ZodIssue TooSmall(string path, long minimum) =>
        new("too_small", path, string.Create(CultureInfo.InvariantCulture, $"Too small: expected number to be >={minimum}"),
            new Dictionary<string, JsonNode?> { ["origin"] = "number", ["minimum"] = minimum, ["inclusive"] = true });

    public static ZodIssue NotOneOf(string path, IReadOnlyList<string> values) =>
        new("invalid_value", path, "Invalid option: expected one of " + string.Join('|', values.Select(value => JsonSerializer.Serialize(value))),
            new Dictionary<string, JsonNode?> { ["values"] = CivitaiJson.Strings(values) });

    /// <summary>A cursor the listing did not write (the server's cursor field takes any string; a foreign one fails).</summary>
    public static ZodIssue InvalidCursor() => new("custom", "cursor", "Invalid cursor", new Dictionary<string, JsonNode?>());

    public static ZodIssue TooManyItems(string path, int maximum) =>
        new("too_big", path, string.Create(CultureInfo.InvariantCulture, $"Too big: expected array to have <={maximum} items"),
            new Dictionary<string, JsonNode?> { ["origin"] = "array", ["maximum"] = maximum, ["inclusive"] = true });

    public static ZodIssue TooLong(string path, int maximum) =>
        new("too_big", path, string.Create(CultureInfo.InvariantCulture, $"Too big: expected string to have <={maximum} characters"),
            new Dictionary<string, JsonNode?> { ["origin"] = "string", ["maximum"] = maximum, ["inclusive"] = true });

    public static ZodIssue NotAnArray(string path) =>
        new("invalid_type", path, "Invalid input: expected array", new Dictionary<string, JsonNode?> { ["expected"] = "array" });

    /// <summary>The <c>error</c> value /models and /images answer 400 with.</summary>
    public static JsonObject SerializedError(IReadOnlyList<ZodIssue> issues) => new()
    {
        ["name"] = "ZodError",
        ["message"] = new JsonArray(issues.Select(issue => (JsonNode?)issue.ToJson()).ToArray()).ToJsonString(WireJson.Indented),
    };

    /// <summary>z.prettifyError: "✖ message" and "  → at path" (unless at the root) per issue.</summary>
    public static string Prettify(IReadOnlyList<ZodIssue> issues) =>
        string.Join('\n', issues.Select(issue => issue.Path.Length == 0 ? $"✖ {issue.Message}" : $"✖ {issue.Message}\n  → at {issue.Path}"));

    /// <summary>The issue as zod lists it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (key, value) in Details.Where(detail => detail.Key is "expected" or "origin"))
        {
            json[key] = value?.DeepClone();
        }

        json["code"] = Code;
        foreach (var (key, value) in Details.Where(detail => detail.Key is not ("expected" or "origin")))
        {
            json[key] = value?.DeepClone();
        }

        json["path"] = Path.Length == 0 ? new JsonArray() : new JsonArray(Path);
        json["message"] = Message;
        return json;
    }
}
