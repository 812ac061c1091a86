using System;
using System.Linq;
using ModelHub.Discovery;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// The exact check of each search result against the query. The Hub cannot filter by family, NSFW or period,
/// and its type filter is a tag, so every filter is applied here again on the mapped model; the Hub's order stays.
/// </summary>
internal sealed class SearchFilter
{
    private readonly ModelQuery _query;

    /// <summary>The start of the query's period: a repo must have been created since (the Hub has no such filter).</summary>
    private readonly DateTimeOffset? _createdSince;

    public SearchFilter(ModelQuery query, DateTimeOffset now)
    {
        _query = query;
        _createdSince = query.Period switch
        {
            SearchPeriod.Day => now.AddDays(-1),
            SearchPeriod.Week => now.AddDays(-7),
            SearchPeriod.Month => now.AddMonths(-1),
            SearchPeriod.Year => now.AddYears(-1),
            _ => null,
        };
    }

    public bool Accepts(Model model) =>
        (_query.Types.Count == 0 || _query.Types.Contains(model.Type))
        && (_query.BaseModels.Count == 0 || _query.BaseModels.Any(family => BaseModels.Matches(model.BaseModel, family)))
        && _query.Tags.Where(tag => !string.IsNullOrWhiteSpace(tag)).All(tag => model.Tags.Contains(tag.Trim(), StringComparer.OrdinalIgnoreCase))
        && (string.IsNullOrWhiteSpace(_query.Author) || string.Equals(model.Author, _query.Author!.Trim(), StringComparison.OrdinalIgnoreCase))
        && (_query.IncludeNsfw || !model.Nsfw)
        && (_createdSince is null || model.CreatedAt >= _createdSince);

    /// <summary>Newest first, the first repo created before the period ends the search: every later one is older still.</summary>
    public bool EndsSearch(Model model) => _query.Sort == ModelSort.Newest && model.CreatedAt < _createdSince;
}
