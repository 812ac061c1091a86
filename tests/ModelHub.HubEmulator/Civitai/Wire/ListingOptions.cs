using System.Collections.Generic;
using System.Linq;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Wire;

/// <summary>What a request changes in a model's JSON: which images its browsing level shows, and whether only primary files.</summary>
internal sealed record ListingOptions(int BrowsingLevel, bool PrimaryFileOnly)
{
    /// <summary>A single model (/api/v1/models/{id}): every image, every file.</summary>
    public static readonly ListingOptions Single = new(Civitai.BrowsingLevel.All, false);

    /// <summary>The files the model's JSON shows (whose hashes it needs).</summary>
    public IEnumerable<CatalogFile> FilesShown(CatalogModel model) =>
        model.Versions.SelectMany(version => version.Files).Where(file => !PrimaryFileOnly || file.Primary);
}
