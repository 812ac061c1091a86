using System;
using System.IO;

namespace ModelHub.HubEmulator.Content;

/// <summary>The bytes of every served file, generated from its spec. (Helper A implements this.)</summary>
public sealed class FileContent
{
    public FileContent(EmulatorOptions options)
    {
        _ = options;
    }

    /// <summary>A read-only stream of the file's bytes from <paramref name="offset"/> to its end.</summary>
    public Stream Open(FileSpec spec, long offset = 0) => throw new NotImplementedException("helper A");
}
