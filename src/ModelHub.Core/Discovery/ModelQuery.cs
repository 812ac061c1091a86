using System;
using System.Collections.Generic;

namespace ModelHub.Discovery;

/// <summary>How Find-HubModel orders results.</summary>
public enum ModelSort
{
    /// <summary>The hub's own order for the query (with no query, its default listing).</summary>
    Relevance,
    Downloads,
    Likes,
    Rating,
    Newest,
    Updated,
    Trending,
}

/// <summary>The time window of a Civitai search (Civitai filters by publication in that window).</summary>
public enum SearchPeriod
{
    AllTime,
    Year,
    Month,
    Week,
    Day,
}

/// <summary>A search, hub-neutral. Every filter is applied exactly: on the hub where it can be, else on the results.</summary>
public sealed record ModelQuery
{
    public string? Text { get; init; }

    /// <summary>Types wanted; empty for any.</summary>
    public IReadOnlyList<ModelType> Types { get; init; } = Array.Empty<ModelType>();

    /// <summary>Base model families wanted (display names, see <see cref="BaseModels.Families"/>); empty for any.</summary>
    public IReadOnlyList<string> BaseModels { get; init; } = Array.Empty<string>();

    /// <summary>Tags every result must carry.</summary>
    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    /// <summary>The creator (Civitai username) or owner (Hugging Face user or organisation).</summary>
    public string? Author { get; init; }

    public ModelSort Sort { get; init; } = ModelSort.Relevance;

    public SearchPeriod Period { get; init; } = SearchPeriod.AllTime;

    /// <summary>Include NSFW models (Civitai nsfw / nsfwLevel above PG-13, Hugging Face not-for-all-audiences).</summary>
    public bool IncludeNsfw { get; init; }

    /// <summary>Leave out models depicting real people (Civitai poi): the Strict content policy.</summary>
    public bool ExcludeRealPeople { get; init; }

    /// <summary>How many results the caller wants at most, if known: sizes the first page.</summary>
    public int? First { get; init; }
}
