using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// Tolerant readers for Civitai's JSON: any optional field may be missing, null or of a variant kind
/// (numbers sent as strings, tags as names or objects), and none of that throws (civitai-api.md).
/// </summary>
internal static class CivitaiJson
{
    /// <summary>The member's value; null when this is not an object, or the member is missing or JSON null.</summary>
    public static JsonElement? Field(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    /// <summary>A string member; a number is given as its JSON text (ids and cursors come both ways).</summary>
    public static string? Text(this JsonElement element, string name) => element.Field(name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    public static long? WholeNumber(this JsonElement element, string name) => element.Field(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.TryGetInt64(out var whole) ? whole : (long)Math.Round(value.GetDouble(), MidpointRounding.AwayFromZero),
        { ValueKind: JsonValueKind.String } value => long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        _ => null,
    };

    public static double? Number(this JsonElement element, string name) => element.Field(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        _ => null,
    };

    public static bool? Flag(this JsonElement element, string name) => element.Field(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } value => bool.TryParse(value.GetString(), out var parsed) ? parsed : null,
        _ => null,
    };

    public static DateTimeOffset? Date(this JsonElement element, string name) => element.Field(name) switch
    {
        { ValueKind: JsonValueKind.String } value when value.TryGetDateTimeOffset(out var date) => date,
        { ValueKind: JsonValueKind.String } value => DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null,
        _ => null,
    };

    /// <summary>The items of an array member; none when it is missing or not an array.</summary>
    public static IEnumerable<JsonElement> Elements(this JsonElement element, string name) =>
        element.Field(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : Enumerable.Empty<JsonElement>();

    /// <summary>
    /// A list of names: an array of strings or of objects with a name (2023 tags), or a single string.
    /// Blank entries are left out.
    /// </summary>
    public static IReadOnlyList<string> Names(this JsonElement element, string name)
    {
        var names = element.Field(name) switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : item.Text("name")),
            { ValueKind: JsonValueKind.String } single => new[] { single.GetString() },
            _ => Enumerable.Empty<string?>(),
        };
        return names.Where(text => !string.IsNullOrWhiteSpace(text)).Select(text => text!).ToArray();
    }
}
