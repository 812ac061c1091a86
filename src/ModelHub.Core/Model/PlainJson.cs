using System.Collections.Generic;
using System.Text.Json;

namespace ModelHub;

/// <summary>
/// JSON text as plain .NET values (ordered dictionaries, lists, strings, numbers, booleans, null), so the
/// PowerShell layer can build PSObjects from a hub's raw object without knowing any JSON library.
/// </summary>
public static class PlainJson
{
    public static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Convert(document.RootElement);
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Object(element),
        JsonValueKind.Array => Array(element),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => Number(element),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static List<KeyValuePair<string, object?>> Object(JsonElement element)
    {
        var members = new List<KeyValuePair<string, object?>>();
        foreach (var property in element.EnumerateObject())
        {
            members.Add(new KeyValuePair<string, object?>(property.Name, Convert(property.Value)));
        }

        return members;
    }

    private static List<object?> Array(JsonElement element)
    {
        var items = new List<object?>();
        foreach (var item in element.EnumerateArray())
        {
            items.Add(Convert(item));
        }

        return items;
    }

    /// <summary>Whole numbers stay whole however large (ComfyUI seeds reach 2^64-1); others are doubles.</summary>
    private static object Number(JsonElement element) =>
        element.TryGetInt64(out var whole) ? whole
        : element.TryGetUInt64(out var large) ? large
        : element.TryGetDecimal(out var exact) && exact == decimal.Truncate(exact) ? exact
        : element.GetDouble();
}
