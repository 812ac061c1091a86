using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>A generated model with everything its JSON shows.</summary>
internal sealed class GeneratedModel : CatalogModel
{
    public GeneratedModel(IReadOnlyList<GeneratedVersion> versions)
        : base(versions)
    {
        GeneratedVersions = versions;
    }

    public IReadOnlyList<GeneratedVersion> GeneratedVersions { get; }

    public required WireEra Era { get; init; }

    public string? Description { get; init; }

    public required CatalogCreator Creator { get; init; }

    /// <summary>The modern allowCommercialUse list; the 2023 shape shows its last entry as a single string.</summary>
    public required IReadOnlyList<string> CommercialUse { get; init; }

    public required bool AllowNoCredit { get; init; }

    public required bool AllowDerivatives { get; init; }

    public required bool AllowDifferentLicense { get; init; }

    public required bool Poi { get; init; }

    public bool Nsfw => BrowsingLevel.IsNsfw(NsfwLevel);

    public bool SfwOnly { get; init; }

    public required bool SupportsGeneration { get; init; }

    public bool Archived { get; init; }

    public required long ThumbsDown { get; init; }

    public required long TippedAmount { get; init; }

    /// <summary>2023 favourites (legacy shape).</summary>
    public required long Favorites { get; init; }

    public required double Rating { get; init; }

    public required long RatingCount { get; init; }

    /// <summary>2023 images gave nsfw as "None"/"Soft"/"Mature"/"X" rather than a bool; some legacy models keep that.</summary>
    public bool NsfwAsText { get; init; }

    public string Availability => HasEarlyAccess ? "EarlyAccess" : "Public";

    public override IEnumerable<LazyImageFile> ImagesShown(ListingOptions options) =>
        GeneratedVersions.SelectMany(version => version.Images)
            .Where(image => BrowsingLevel.Shows(options.BrowsingLevel, image.NsfwLevel))
            .Select(image => image.File)
            .Concat(Creator.Avatar is { } avatar ? [avatar] : []);

    public override JsonObject Render(RenderContext context, ListingOptions options) => ModelShapes.For(Era).Model(this, context, options);
}
