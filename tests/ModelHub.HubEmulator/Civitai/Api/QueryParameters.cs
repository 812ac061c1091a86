using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>A request's query parameters in the order they came, so next-page links can echo them.</summary>
internal sealed class QueryParameters
{
    private readonly List<KeyValuePair<string, string>> _pairs;

    private QueryParameters(List<KeyValuePair<string, string>> pairs)
    {
        _pairs = pairs;
    }

    public static QueryParameters From(HttpRequest request)
    {
        var raw = request.QueryString.HasValue ? request.QueryString.Value!.TrimStart('?') : string.Empty;
        var pairs = raw.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(Decode(parts[0]), parts.Length > 1 ? Decode(parts[1]) : string.Empty))
            .ToList();
        return new QueryParameters(pairs);
    }

    public bool Has(string name) => _pairs.Any(pair => pair.Key == name);

    /// <summary>The first value of the parameter; null when absent.</summary>
    public string? First(string name) => _pairs.FirstOrDefault(pair => pair.Key == name).Value;

    /// <summary>Every value of a repeatable parameter, comma-separated lists split too (types=A&amp;types=B or types=A,B).</summary>
    public IReadOnlyList<string> All(string name) =>
        _pairs.Where(pair => pair.Key == name)
            .SelectMany(pair => pair.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

    /// <summary>
    /// The query string with <paramref name="name"/> set to <paramref name="value"/>: in place when present, else appended;
    /// encoded as query-string's stringify does (every reserved character escaped, spaces as %20).
    /// </summary>
    public string With(string name, string value)
    {
        var pairs = new List<KeyValuePair<string, string>>(_pairs.Count + 1);
        var replaced = false;
        foreach (var pair in _pairs)
        {
            if (pair.Key != name)
            {
                pairs.Add(pair);
            }
            else if (!replaced)
            {
                pairs.Add(new(name, value));
                replaced = true;
            }
        }

        if (!replaced)
        {
            pairs.Add(new(name, value));
        }

        return string.Join('&', pairs.Select(pair => Uri.EscapeDataString(pair.Key) + "=" + Uri.EscapeDataString(pair.Value)));
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
