using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelHub.Cards;

/// <summary>
/// Reads the plain values of card metadata (PlainJson's shapes: ordered key-value lists, lists, scalars) the way
/// model cards use them: a member that is missing or of another kind reads as absent.
/// </summary>
internal static class PlainValues
{
    /// <summary>A member of a key-value list (the first with that key); null when absent or not a mapping.</summary>
    public static object? Member(object? mapping, string key) =>
        mapping is IEnumerable<KeyValuePair<string, object?>> members ? members.FirstOrDefault(member => member.Key == key).Value : null;

    public static string? Text(object? mapping, string key) => Member(mapping, key) as string;

    /// <summary>A member that is a string or a list of strings (cards allow both), kept exactly, blanks left out.</summary>
    public static IReadOnlyList<string> Texts(object? mapping, string key) => Member(mapping, key) switch
    {
        string single when !string.IsNullOrWhiteSpace(single) => new[] { single },
        IEnumerable<object?> items => items.OfType<string>().Where(text => !string.IsNullOrWhiteSpace(text)).ToList(),
        _ => Array.Empty<string>(),
    };

    /// <summary>The items of a list member that are mappings (widget entries, …).</summary>
    public static IEnumerable<object> Mappings(object? mapping, string key) =>
        Member(mapping, key) is IEnumerable<object?> items
            ? items.OfType<IEnumerable<KeyValuePair<string, object?>>>()
            : Enumerable.Empty<object>();
}
