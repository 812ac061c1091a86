using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ModelHub.HubEmulator.Civitai.Catalog;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.Civitai.Wire;

/// <summary>What writing one response needs: the origins' addresses, the shown files' hashes (computed together, in parallel) and image URLs.</summary>
internal sealed class RenderContext
{
    private readonly EmulatorServices _services;
    private readonly IReadOnlyDictionary<string, FileHashes> _hashes;

    private RenderContext(EmulatorServices services, CivitaiCatalog catalog, IReadOnlyDictionary<string, FileHashes> hashes)
    {
        _services = services;
        Catalog = catalog;
        _hashes = hashes;
    }

    public CivitaiCatalog Catalog { get; }

    /// <summary>
    /// A context for a response that shows <paramref name="shownFiles"/> and <paramref name="shownImages"/>: the files'
    /// hashes are computed now, and the images encoded (to learn their sizes), those not known yet in parallel.
    /// </summary>
    public static RenderContext For(EmulatorServices services, CivitaiCatalog catalog, IEnumerable<CatalogFile> shownFiles, IEnumerable<LazyImageFile>? shownImages = null)
    {
        var specs = shownFiles.Where(file => file.HashKinds.Count > 0).Select(file => file.Spec).DistinctBy(spec => spec.Key).ToList();
        IReadOnlyList<FileHashes> hashes = [];
        Parallel.Invoke(
            () => hashes = specs.Count == 0 ? [] : services.Hashes.GetMany(specs),
            () => Parallel.ForEach(shownImages ?? [], image => _ = image.Spec));
        return new RenderContext(services, catalog, specs.Zip(hashes).ToDictionary(pair => pair.First.Key, pair => pair.Second, StringComparer.Ordinal));
    }

    /// <summary>An address on the Civitai origin; <paramref name="pathAndQuery"/> is kept exactly as given.</summary>
    public string CivitaiUrl(string pathAndQuery) => _services.Origins.Civitai.GetLeftPart(UriPartial.Authority) + pathAndQuery;

    public FileHashes Hashes(CatalogFile file) => _hashes.TryGetValue(file.Spec.Key, out var hashes) ? hashes : _services.Hashes.Get(file.Spec);

    /// <summary>The image's public CDN address; the image is registered so the CDN can serve it.</summary>
    public string ImageUrl(LazyImageFile image, string fileName) => _services.Cdn.Public(_services.Files.Add(image.Spec), fileName).AbsoluteUri;
}
