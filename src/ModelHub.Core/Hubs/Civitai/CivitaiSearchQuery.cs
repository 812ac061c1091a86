using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelHub.Discovery;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// A <see cref="ModelQuery"/> as GET /api/v1/models parameters. What Civitai can filter is filtered there;
/// <see cref="CivitaiResultFilter"/> checks every filter again on the results. Pages are always asked for by
/// cursor, never by page number, so neither the 1,000-result page limit nor the query-with-page rule applies.
/// </summary>
internal sealed class CivitaiSearchQuery
{
    /// <summary>Civitai's largest page.</summary>
    public const int MaxPageSize = 100;

    private const string Path = "api/v1/models";

    private static readonly IReadOnlyDictionary<ModelSort, string> SortNames = new Dictionary<ModelSort, string>
    {
        [ModelSort.Downloads] = "Most Downloaded",
        [ModelSort.Likes] = "Most Liked",
        [ModelSort.Rating] = "Highest Rated",
        [ModelSort.Newest] = "Newest",
    };

    private readonly IReadOnlyList<KeyValuePair<string, string>> _filters;

    private CivitaiSearchQuery(IReadOnlyList<KeyValuePair<string, string>> filters, int firstPageSize)
    {
        _filters = filters;
        FirstPageSize = firstPageSize;
    }

    /// <summary>The caller's First, up to a full page; later pages are full (the filters on the results may thin them).</summary>
    public int FirstPageSize { get; }

    /// <summary>Relevance is the hub's own order (no sort parameter); the others are Civitai sorts. Updated and Trending do not exist there.</summary>
    public static bool CanSort(ModelSort sort) => sort == ModelSort.Relevance || SortNames.ContainsKey(sort);

    public static CivitaiSearchQuery For(ModelQuery query)
    {
        if (!CanSort(query.Sort))
        {
            throw CivitaiErrors.SortUnsupported(query.Sort, Enum.GetValues(typeof(ModelSort)).Cast<ModelSort>().Where(CanSort));
        }

        var filters = new List<KeyValuePair<string, string>>();
        Add(filters, "query", string.IsNullOrWhiteSpace(query.Text) ? null : query.Text!.Trim());
        foreach (var type in ServerTypes(query.Types))
        {
            Add(filters, "types", type);
        }

        foreach (var baseModel in ServerBaseModels(query.BaseModels))
        {
            Add(filters, "baseModels", baseModel);
        }

        // Civitai filters by one tag: the first is sent, the others are checked on the results.
        Add(filters, "tag", query.Tags.FirstOrDefault(tag => !string.IsNullOrWhiteSpace(tag))?.Trim());
        Add(filters, "username", string.IsNullOrWhiteSpace(query.Author) ? null : query.Author!.Trim());
        Add(filters, "sort", SortNames.TryGetValue(query.Sort, out var sort) ? sort : null);
        Add(filters, "period", query.Period == SearchPeriod.AllTime ? null : query.Period.ToString());

        // Without nsfw Civitai shows PG models only; false flags are left out (some booleans read any value as true).
        Add(filters, "nsfw", query.IncludeNsfw ? "true" : null);
        return new CivitaiSearchQuery(filters, Math.Max(1, Math.Min(query.First ?? MaxPageSize, MaxPageSize)));
    }

    /// <summary>The path and query of one page: the first without a cursor, each next one with the cursor the last gave.</summary>
    public string PathAndQuery(int limit, string? cursor)
    {
        var parameters = new[] { new KeyValuePair<string, string>("limit", limit.ToString(CultureInfo.InvariantCulture)) }
            .Concat(_filters)
            .Concat(cursor is null ? Enumerable.Empty<KeyValuePair<string, string>>() : new[] { new KeyValuePair<string, string>("cursor", cursor) });
        return CivitaiQueryString.Build(Path, parameters);
    }

    /// <summary>
    /// The Civitai types of the wanted types (LoRA is LORA only; LyCORIS is LoCon). None when a wanted type has
    /// no Civitai type of its own (Other gathers several), so the results are filtered on ModelHub's types alone.
    /// </summary>
    private static IReadOnlyList<string> ServerTypes(IReadOnlyList<ModelType> types)
    {
        var names = types.Distinct().Select(BaseModels.CivitaiType).ToArray();
        return names.Any(name => name is null) ? Array.Empty<string>() : names.Select(name => name!).ToArray();
    }

    /// <summary>
    /// Every Civitai value of each wanted family. A family the table does not know is a Civitai value itself
    /// (unknown values are their own family); Unknown has no value to send, so then nothing is sent.
    /// </summary>
    private static IReadOnlyList<string> ServerBaseModels(IReadOnlyList<string> families)
    {
        if (families.Any(family => BaseModels.Matches(BaseModels.Unknown, family)))
        {
            return Array.Empty<string>();
        }

        return families.SelectMany(family => BaseModels.CivitaiValues(family) is { Count: > 0 } values ? values : new[] { family })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    private static void Add(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new KeyValuePair<string, string>(name, value));
        }
    }
}
