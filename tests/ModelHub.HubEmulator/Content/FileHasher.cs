using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ModelHub.HubEmulator.Content;

/// <summary>
/// Computes files' hashes lazily, once per file even when requests ask at the same time; large files'
/// hashes are kept on disk between runs.
/// </summary>
public sealed class FileHasher
{
    private readonly FileContent _content;
    private readonly HashDiskCache _disk;
    private readonly ConcurrentDictionary<string, Lazy<FileHashes>> _known = new(StringComparer.Ordinal);

    public FileHasher(FileContent content, string cacheFolder)
    {
        _content = content;
        _disk = new HashDiskCache(cacheFolder);
    }

    public FileHashes Get(FileSpec spec)
    {
        if (spec.DeclaredHashes is { } declared)
        {
            return declared;
        }

        var identity = _content.Identity(spec);
        return _known.GetOrAdd(identity, _ => new Lazy<FileHashes>(() => Compute(spec, identity), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Several files' hashes, computed in parallel where not known yet; in the order given.</summary>
    public IReadOnlyList<FileHashes> GetMany(IReadOnlyList<FileSpec> specs)
    {
        var hashes = new FileHashes[specs.Count];
        Parallel.For(0, specs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => hashes[i] = Get(specs[i]));
        return hashes;
    }

    private FileHashes Compute(FileSpec spec, string identity)
    {
        if (spec.Size < FileHashComputation.LargeFile)
        {
            return FileHashComputation.Compute(_content, spec);
        }

        if (_disk.TryRead(identity) is { } kept)
        {
            return kept;
        }

        var hashes = FileHashComputation.Compute(_content, spec);
        _disk.Write(identity, hashes);
        return hashes;
    }
}
