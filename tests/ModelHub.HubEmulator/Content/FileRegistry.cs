using System.Collections.Concurrent;

namespace ModelHub.HubEmulator.Content;

/// <summary>Every file the catalogues serve, by key: what the CDN looks up.</summary>
public sealed class FileRegistry
{
    private readonly ConcurrentDictionary<string, FileSpec> _files = new();

    /// <summary>Registers a file (again, harmlessly) and returns it.</summary>
    public FileSpec Add(FileSpec spec) => _files.GetOrAdd(spec.Key, spec);

    public bool TryGet(string key, out FileSpec spec) => _files.TryGetValue(key, out spec!);
}
