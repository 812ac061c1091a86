using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.AspNetCore.Http;
using ModelHub.HubEmulator.Civitai.Catalog;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>What every Civitai endpoint shares: the services, the catalogue and the hash index (both built on first use).</summary>
internal sealed class CivitaiSite
{
    private readonly Lazy<CivitaiCatalog> _catalog;
    private readonly Lazy<VersionHashIndex> _hashIndex;

    public CivitaiSite(EmulatorServices services)
    {
        Services = services;
        _catalog = new Lazy<CivitaiCatalog>(() => CatalogBuilder.Build(services), LazyThreadSafetyMode.ExecutionAndPublication);
        _hashIndex = new Lazy<VersionHashIndex>(() => VersionHashIndex.Build(services, Catalog), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public EmulatorServices Services { get; }

    public CivitaiCatalog Catalog => _catalog.Value;

    /// <summary>Every reported hash of every file: built, hashing the whole catalogue, on the first by-hash lookup.</summary>
    public VersionHashIndex HashIndex => _hashIndex.Value;

    public static Caller Caller(HttpRequest request) => EmulatorTokens.Identify(request, OriginName.Civitai);

    /// <summary>A render context for a response showing these files (and images).</summary>
    public RenderContext Render(IEnumerable<CatalogFile> shownFiles, IEnumerable<LazyImageFile>? shownImages = null) =>
        RenderContext.For(Services, Catalog, shownFiles, shownImages);
}
