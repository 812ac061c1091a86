using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// Reads optional members of the Hub's JSON: a member that is missing, null or of another kind reads as absent
/// (the Hub leaves keys out, e.g. with expand), so one odd value never fails a whole listing.
/// </summary>
internal static class JsonValues
{
    /// <summary>A member object or array; default (Undefined) when absent, so lookups can be chained.</summary>
    public static JsonElement Member(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value : default;

    public static string? Text(JsonElement parent, string name) =>
        Member(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static long? Number(JsonElement parent, string name) =>
        Member(parent, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    public static DateTimeOffset? Date(JsonElement parent, string name) =>
        Member(parent, name) is { ValueKind: JsonValueKind.String } value && value.TryGetDateTimeOffset(out var date) ? date : null;

    /// <summary>A member that is a string or a list of strings (model cards allow both), as a list without blanks.</summary>
    public static IReadOnlyList<string> Texts(JsonElement parent, string name)
    {
        var value = Member(parent, name);
        var items = value.ValueKind switch
        {
            JsonValueKind.String => new[] { value },
            JsonValueKind.Array => value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String),
            _ => Enumerable.Empty<JsonElement>(),
        };
        return items.Select(item => item.GetString()!).Where(text => !string.IsNullOrWhiteSpace(text)).ToList();
    }
}
