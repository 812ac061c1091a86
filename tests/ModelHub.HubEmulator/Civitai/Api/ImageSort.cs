using System;
using System.Linq;
using ModelHub.HubEmulator.Civitai.Catalog;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// The orders of /api/v1/images and their cursors, <c>"&lt;sort value&gt;|&lt;createdAt epoch ms&gt;"</c> of the last item
/// returned (the recorded form is <c>"1|1712265847499"</c>); the next page starts after it.
/// </summary>
internal sealed class ImageSort
{
    public const string Default = "Most Reactions";

    private ImageSort(Func<CatalogImage, long> value, bool descending)
    {
        Order = new KeyOrder<CatalogImage>(image => [value(image), image.CreatedAt.ToUnixTimeMilliseconds(), image.Id], descending);
    }

    public KeyOrder<CatalogImage> Order { get; }

    public static ImageSort For(string sort, ulong seed) => sort switch
    {
        "Most Comments" => new ImageSort(image => image.Comments, descending: true),
        "Most Collected" => new ImageSort(image => image.Collected, descending: true),
        "Newest" => new ImageSort(_ => 1, descending: true),
        "Oldest" => new ImageSort(_ => 1, descending: false),
        "Random" => new ImageSort(image => (long)(SeededRandom.Derive(seed, "civitai-image-order", image.Id) >> 1), descending: true),
        _ => new ImageSort(image => image.Reactions, descending: true),
    };

    public string Cursor(CatalogImage last) => CursorText.Format(Order.Key(last).Take(2));
}
