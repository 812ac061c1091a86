using System;
using System.Collections.Generic;
using System.Linq;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// Every hash value the API reports (any of the six kinds, uppercase) → its version. Like the server, a hash shared by
/// several versions resolves to the oldest published one; a file whose hashes are not reported cannot be found.
/// </summary>
internal sealed class VersionHashIndex
{
    private readonly Dictionary<string, CatalogVersion> _versions;

    private VersionHashIndex(Dictionary<string, CatalogVersion> versions)
    {
        _versions = versions;
    }

    public static VersionHashIndex Build(EmulatorServices services, CivitaiCatalog catalog)
    {
        var files = catalog.Versions
            .OrderBy(version => version.PublishedAt)
            .SelectMany(version => version.Files.Where(file => file.HashKinds.Count > 0).Select(file => (Version: version, File: file)))
            .ToList();
        var specs = files.Select(entry => entry.File.Spec).DistinctBy(spec => spec.Key).ToList();
        var hashes = specs.Zip(services.Hashes.GetMany(specs)).ToDictionary(pair => pair.First.Key, pair => pair.Second, StringComparer.Ordinal);

        var versions = new Dictionary<string, CatalogVersion>(StringComparer.Ordinal);
        foreach (var (version, file) in files)
        {
            foreach (var kind in file.HashKinds)
            {
                if (HashKinds.Value(hashes[file.Spec.Key], kind) is { } value)
                {
                    versions.TryAdd(value, version);
                }
            }
        }

        return new VersionHashIndex(versions);
    }

    /// <summary>The version with a file of this hash, in any case; null when none.</summary>
    public CatalogVersion? Find(string hash) => _versions.GetValueOrDefault(hash.Trim().ToUpperInvariant());
}
