using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>The parameters of GET /api/v1/models, validated as the server's getAllModelsSchema does.</summary>
internal sealed record ModelQuery
{
    public const int MaxLimit = 100;

    public int Limit { get; private init; }

    /// <summary>Page paging applies only without a cursor.</summary>
    public int? Page { get; private init; }

    public string? Cursor { get; private init; }

    /// <summary>The full-text query.</summary>
    public string? Text { get; private init; }

    public string? Tag { get; private init; }

    public string? Username { get; private init; }

    public IReadOnlyList<string> Types { get; private init; } = [];

    public string Sort { get; private init; } = ModelSort.Default;

    public string Period { get; private init; } = "AllTime";

    public bool Nsfw { get; private init; }

    public IReadOnlyList<string> BaseModels { get; private init; } = [];

    public IReadOnlyList<long>? Ids { get; private init; }

    public bool PrimaryFileOnly { get; private init; }

    public bool EarlyAccessOnly { get; private init; }

    /// <summary>Paging by page number: a page was asked for and no cursor given.</summary>
    public bool UsingPages => Page is not null && Cursor is null;

    public static ZodIssue? Parse(QueryParameters query, out ModelQuery parsed)
    {
        var reader = new ParameterReader();
        parsed = new ModelQuery
        {
            Limit = (int)reader.Integer(query.First("limit"), "limit", 0, MaxLimit, MaxLimit),
            Page = query.Has("page") ? (int)reader.Integer(query.First("page"), "page", 1, int.MaxValue, 1) : null,
            Cursor = NullIfEmpty(query.First("cursor")),
            Text = NullIfEmpty(query.First("query")?.Trim()),
            Tag = NullIfEmpty(query.First("tag")),
            Username = NullIfEmpty(query.First("username")),
            Types = reader.AllOf(query.All("types"), "types", CivitaiEnums.ModelTypes),
            Sort = reader.OneOf(query.First("sort"), "sort", CivitaiEnums.ModelSorts, ModelSort.Default),
            Period = reader.OneOf(query.First("period"), "period", CivitaiEnums.Periods, "AllTime"),
            Nsfw = reader.Boolean(query.First("nsfw"), "nsfw"),
            BaseModels = query.All("baseModels"),
            Ids = query.All("ids") is { Count: > 0 } ids ? ids.Select(id => reader.Integer(id, "ids", 0, long.MaxValue, 0)).ToList() : null,
            PrimaryFileOnly = reader.Boolean(query.First("primaryFileOnly"), "primaryFileOnly"),
            EarlyAccessOnly = ParameterReader.Coerced(query.First("earlyAccess")),
        };
        return reader.Issue;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>How far back <c>period</c> looks; null for AllTime.</summary>
    public TimeSpan? PeriodSpan => Span(Period);

    /// <summary>How far back a MetricTimeframe looks; null for AllTime.</summary>
    public static TimeSpan? Span(string period) => period switch
    {
        "Day" => TimeSpan.FromDays(1),
        "Week" => TimeSpan.FromDays(7),
        "Month" => TimeSpan.FromDays(30),
        "Year" => TimeSpan.FromDays(365),
        _ => null,
    };
}
