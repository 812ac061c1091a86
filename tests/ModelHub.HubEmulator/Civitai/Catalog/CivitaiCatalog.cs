using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>Everything the Civitai origin serves: generated and recorded models, versions, files, images, creators and tags.</summary>
internal sealed class CivitaiCatalog
{
    private readonly Dictionary<int, CatalogModel> _models;
    private readonly Dictionary<int, CatalogVersion> _versions;
    private readonly Dictionary<int, CatalogFile> _files;
    private readonly ConcurrentDictionary<string, LazyImageFile> _recordedImages = new();
    private readonly ulong _seed;

    public CivitaiCatalog(
        IReadOnlyList<CatalogModel> models, IEnumerable<CatalogVersion> standaloneVersions, IReadOnlyList<CatalogImage> images,
        IReadOnlyList<DirectoryItem> creators, IReadOnlyList<DirectoryItem> tags, JsonObject? recordedEnums, ulong seed)
    {
        Models = models;
        Images = images;
        Creators = creators;
        Tags = tags;
        RecordedEnums = recordedEnums;
        _seed = seed;
        Versions = models.SelectMany(model => model.Versions).Concat(standaloneVersions).ToList();
        _models = models.ToDictionary(model => model.Id);
        _versions = Versions.ToDictionary(version => version.Id);
        _files = Versions.SelectMany(version => version.Files).DistinctBy(file => file.Id).ToDictionary(file => file.Id);
    }

    public IReadOnlyList<CatalogModel> Models { get; }

    /// <summary>Every version, including recorded versions whose model was not recorded.</summary>
    public IReadOnlyList<CatalogVersion> Versions { get; }

    public IReadOnlyList<CatalogImage> Images { get; }

    public IReadOnlyList<DirectoryItem> Creators { get; }

    public IReadOnlyList<DirectoryItem> Tags { get; }

    /// <summary>The recorded /api/v1/enums, when available.</summary>
    public JsonObject? RecordedEnums { get; }

    public IEnumerable<CatalogFile> Files => _files.Values;

    /// <summary>The model with this id; null when none (ids come from requests, so any number may be asked for).</summary>
    public CatalogModel? Model(long id) => id is >= int.MinValue and <= int.MaxValue ? _models.GetValueOrDefault((int)id) : null;

    public CatalogVersion? Version(long id) => id is >= int.MinValue and <= int.MaxValue ? _versions.GetValueOrDefault((int)id) : null;

    public CatalogFile? File(int id) => _files.GetValueOrDefault(id);

    /// <summary>The image served for a recorded image URL, made once per address.</summary>
    public LazyImageFile RecordedImage(string key, int width, int height) =>
        _recordedImages.GetOrAdd(key, _ => new LazyImageFile(key, width, height, SeededRandom.Derive(_seed, key)));
}
