using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelHub.Discovery;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// The GET /api/models request for a query: what the Hub filters and sorts itself (text, author, tags, a type's
/// tag), the page size, and the keys the mapping reads. Everything is checked again on the results (SearchFilter).
/// </summary>
internal static class ModelSearch
{
    /// <summary>The largest page ModelHub asks for (the Hub cuts larger limits to its own page size).</summary>
    public const int MaxPageSize = 100;

    // Relevance is the Hub's own order (no sort parameter); Hugging Face has no ratings to sort by.
    private static readonly Dictionary<ModelSort, string?> SortParameters = new()
    {
        [ModelSort.Relevance] = null,
        [ModelSort.Downloads] = "downloads",
        [ModelSort.Likes] = "likes",
        [ModelSort.Newest] = "createdAt",
        [ModelSort.Updated] = "lastModified",
        [ModelSort.Trending] = "trendingScore",
    };

    public static bool CanSort(ModelSort sort) => SortParameters.ContainsKey(sort);

    /// <summary>The path and query of the first page; the Hub's Link header names the others.</summary>
    public static string PathAndQuery(ModelQuery query)
    {
        if (!SortParameters.TryGetValue(query.Sort, out var sort))
        {
            throw new NotSupportedException($"Hugging Face cannot sort by {query.Sort}; ask CanSort first.");
        }

        var parameters = new List<string>();
        void Add(string name, string value) => parameters.Add(name + "=" + Uri.EscapeDataString(value));

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            Add("search", query.Text!.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Author))
        {
            Add("author", query.Author!.Trim());
        }

        // Repeated filters must all match, as the query's tags must.
        foreach (var tag in TypeTag(query.Types).Concat(query.Tags.Where(tag => !string.IsNullOrWhiteSpace(tag)).Select(tag => tag.Trim())))
        {
            Add("filter", tag);
        }

        if (sort is not null)
        {
            Add("sort", sort);
        }

        Add("limit", Math.Max(1, Math.Min(query.First ?? MaxPageSize, MaxPageSize)).ToString(CultureInfo.InvariantCulture));
        parameters.Add(RepoPaths.Expand(RepoInfo.ExpandKeys));
        return "api/models?" + string.Join("&", parameters);
    }

    /// <summary>
    /// The tag that selects the one type asked for, when exactly one tag means that type. With several types, or a
    /// type several tags mean, a filter would leave some out (filters all apply), so the results are checked instead.
    /// </summary>
    private static IEnumerable<string> TypeTag(IReadOnlyList<ModelType> types) =>
        types.Distinct().Count() == 1 && BaseModels.HuggingFaceTypeTags(types[0]) is { Count: 1 } tags ? tags : Enumerable.Empty<string>();
}
