using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// GET /api/models parameters: search, author, filter (repeated), pipeline_tag, library, gated, sort, direction,
/// full, cardData, config, expand (as expand= or expand[]=). Results are sorted descending unless direction
/// is given and is not -1; without sort, by trending score, so the first page holds popular public repos.
/// </summary>
internal sealed class ModelListQuery
{
    private ModelListQuery()
    {
    }

    public IReadOnlyList<string> Search { get; private init; } = [];

    public string? Author { get; private init; }

    public IReadOnlyList<string> Filters { get; private init; } = [];

    public string? PipelineTag { get; private init; }

    public string? Library { get; private init; }

    public bool? Gated { get; private init; }

    public string Sort { get; private init; } = "trendingScore";

    public bool Ascending { get; private init; }

    public bool Full { get; private init; }

    public bool CardData { get; private init; }

    public bool Config { get; private init; }

    /// <summary>The expand keys, or null when none were given.</summary>
    public IReadOnlyList<string>? Expand { get; private init; }

    public static ModelListQuery Parse(IQueryCollection query) => new()
    {
        Search = Values(query, "search"),
        Author = Single(query, "author"),
        Filters = Values(query, "filter"),
        PipelineTag = Single(query, "pipeline_tag"),
        Library = Single(query, "library"),
        Gated = Single(query, "gated") is { } gated ? Flag(gated) : null,
        Sort = Single(query, "sort") ?? "trendingScore",
        Ascending = Single(query, "direction") is { } direction && direction != "-1",
        Full = Single(query, "full") is { } full && Flag(full),
        CardData = Single(query, "cardData") is { } cardData && Flag(cardData),
        Config = Single(query, "config") is { } config && Flag(config),
        Expand = ExpandKeys(query),
    };

    /// <summary>expand=a&amp;expand=b (httpx, huggingface.js) or expand[]=a (huggingface_hub's commits call); null when absent.</summary>
    public static IReadOnlyList<string>? ExpandKeys(IQueryCollection query)
    {
        var keys = Values(query, "expand").Concat(Values(query, "expand[]")).ToList();
        return keys.Count > 0 ? keys : null;
    }

    /// <summary>Whether the sort key is one the emulator knows.</summary>
    public bool HasKnownSort => SortKey(Sort) is not null;

    public IEnumerable<HfRepo> Apply(IEnumerable<HfRepo> repos, Caller caller)
    {
        var selected = repos.Where(repo =>
            RepoAccess.CanSee(repo, caller)
            && !repo.Disabled
            && Search.All(text => repo.Id.Contains(text, StringComparison.OrdinalIgnoreCase))
            && (Author is null || string.Equals(repo.Author, Author, StringComparison.OrdinalIgnoreCase))
            && Filters.All(filter => HasTag(repo, filter))
            && (PipelineTag is null || repo.PipelineTag == PipelineTag)
            && (Library is null || repo.LibraryName == Library || HasTag(repo, Library))
            && (Gated is null || Gated == (repo.Gated is not null)));
        var key = SortKey(Sort)!;
        var ordered = Ascending ? selected.OrderBy(key) : selected.OrderByDescending(key);
        return ordered.ThenBy(repo => repo.Id, StringComparer.Ordinal);
    }

    private static Func<HfRepo, IComparable>? SortKey(string sort) => sort switch
    {
        "downloads" => repo => repo.Downloads,
        "likes" => repo => repo.Likes,
        "lastModified" or "last_modified" => repo => repo.LastModified,
        "createdAt" or "created_at" => repo => repo.CreatedAt,
        "trendingScore" or "trending_score" => repo => repo.TrendingScore,
        "downloadsAllTime" => repo => repo.DownloadsAllTime,
        "id" or "modelId" => repo => repo.Id,
        _ => null,
    };

    private static bool HasTag(HfRepo repo, string tag) => repo.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);

    private static IReadOnlyList<string> Values(IQueryCollection query, string name) =>
        query[name].Where(value => !string.IsNullOrEmpty(value)).Select(value => value!).ToList();

    private static string? Single(IQueryCollection query, string name) => Values(query, name).FirstOrDefault();

    private static bool Flag(string value) => value is "1" or "true" or "True";
}
