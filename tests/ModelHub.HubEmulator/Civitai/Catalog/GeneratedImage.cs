using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>A generated sample image of a version: shown in the version's images[] and in /api/v1/images.</summary>
internal sealed class GeneratedImage : CatalogImage
{
    public required LazyImageFile File { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>The BlurHash of the image (the <c>hash</c> field).</summary>
    public required string BlurHash { get; init; }

    /// <summary>Generation parameters; null when the image has none. Cloned for each response.</summary>
    public JsonObject? Meta { get; init; }

    public required ImageReactions Stats { get; init; }

    public bool Poi { get; init; }

    public bool OnSite { get; init; }

    public string FileName => Id + ".jpeg";

    public override JsonObject Render(RenderContext context) => ImagesItemWriter.Write(this, context);
}

/// <summary>The reaction counts of an image.</summary>
internal sealed record ImageReactions(long Cry, long Laugh, long Like, long Dislike, long Heart, long Comment);
