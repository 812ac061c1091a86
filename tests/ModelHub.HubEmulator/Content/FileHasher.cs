using System;
using System.Collections.Generic;

namespace ModelHub.HubEmulator.Content;

/// <summary>Computes files' hashes lazily, once; large files' hashes are kept on disk between runs. (Helper A implements this.)</summary>
public sealed class FileHasher
{
    public FileHasher(FileContent content, string cacheFolder)
    {
        _ = content;
        _ = cacheFolder;
    }

    public FileHashes Get(FileSpec spec) => throw new NotImplementedException("helper A");

    /// <summary>Several files' hashes, computed in parallel where not known yet; in the order given.</summary>
    public IReadOnlyList<FileHashes> GetMany(IReadOnlyList<FileSpec> specs) => throw new NotImplementedException("helper A");
}
