using System;
using System.Globalization;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// The orders of /api/v1/models and their cursors. Metric sorts write the next item's sort values and id
/// (<c>"75363|932023|257749"</c>, as documented); Newest and Oldest write its date (<c>"2024-03-10T21:35:22.332Z"</c>).
/// A cursor names the first item of the next page.
/// </summary>
internal sealed class ModelSort
{
    public const string Default = "Highest Rated";

    private readonly bool _byDate;

    private ModelSort(Func<CatalogModel, long[]> key, bool descending, bool byDate)
    {
        Order = new KeyOrder<CatalogModel>(key, descending);
        _byDate = byDate;
    }

    public KeyOrder<CatalogModel> Order { get; }

    public static ModelSort For(string sort) => sort switch
    {
        "Most Downloaded" => Metric(model => model.Metrics.Downloads, model => model.Metrics.ThumbsUp),
        "Most Liked" => Metric(model => model.Metrics.ThumbsUp, model => model.Metrics.Collected),
        "Most Discussed" => Metric(model => model.Metrics.Comments, model => model.Metrics.ThumbsUp),
        "Most Collected" => Metric(model => model.Metrics.Collected, model => model.Metrics.ThumbsUp),
        "Most Images" => Metric(model => model.Metrics.Images, model => model.Metrics.ThumbsUp),
        "Newest" => new ModelSort(model => [model.PublishedAt.ToUnixTimeMilliseconds(), model.Id], descending: true, byDate: true),
        "Oldest" => new ModelSort(model => [model.PublishedAt.ToUnixTimeMilliseconds(), model.Id], descending: false, byDate: true),
        _ => Metric(model => model.Metrics.ThumbsUp, model => model.Metrics.Downloads),
    };

    public string Cursor(CatalogModel next)
    {
        var key = Order.Key(next);
        return _byDate
            ? WireJson.Date(DateTimeOffset.FromUnixTimeMilliseconds(key[0]))
            : CursorText.Format(key);
    }

    /// <summary>The sort values a cursor holds; null when it is not one of this order's cursors.</summary>
    public long[]? Parse(string cursor)
    {
        if (_byDate)
        {
            return DateTimeOffset.TryParse(cursor, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? [date.ToUnixTimeMilliseconds()] : null;
        }

        return CursorText.Parse(cursor);
    }

    private static ModelSort Metric(Func<CatalogModel, long> first, Func<CatalogModel, long> second) =>
        new(model => [first(model), second(model), model.Id], descending: true, byDate: false);
}
