using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ModelHub.Images;

/// <summary>
/// The members of a metadata object under spelling-free keys: case, spaces, underscores and hyphens are ignored,
/// so "negativePrompt", "negative_prompt" and "Negative prompt" are one key. Null members count as missing; of two
/// spellings of one key, the first in the object wins.
/// </summary>
internal sealed class MetaFields
{
    private readonly Dictionary<string, JsonElement> _members = new();

    public MetaFields(JsonElement metaObject)
    {
        if (metaObject.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var member in metaObject.EnumerateObject().Where(member => member.Value.ValueKind != JsonValueKind.Null))
        {
            var key = Key(member.Name);
            if (!_members.ContainsKey(key))
            {
                _members.Add(key, member.Value);
            }
        }
    }

    /// <summary>The value of the first of <paramref name="keys"/> present (keys written in their spelling-free form).</summary>
    public JsonElement? Find(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (_members.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    public string? Text(params string[] keys) => Find(keys) is { } value ? MetaValue.Text(value) : null;

    public string? Id(params string[] keys) => Find(keys) is { } value ? MetaValue.Id(value) : null;

    public ulong? Unsigned(params string[] keys) => Find(keys) is { } value ? MetaValue.Unsigned(value) : null;

    public int? Whole(params string[] keys) => Find(keys) is { } value ? MetaValue.Whole(value) : null;

    public double? Real(params string[] keys) => Find(keys) is { } value ? MetaValue.Real(value) : null;

    private static string Key(string name) =>
        new(name.Where(c => c is not (' ' or '_' or '-')).Select(char.ToLowerInvariant).ToArray());
}
