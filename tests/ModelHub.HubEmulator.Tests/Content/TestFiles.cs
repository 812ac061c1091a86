using System.Collections.Generic;
using System.IO;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.Tests.Content;

/// <summary>Content and specs for tests, read whole (test files are small).</summary>
internal static class TestFiles
{
    public static FileContent Content { get; } = new(new EmulatorOptions());

    public static byte[] Read(FileSpec spec, long offset = 0) => Read(Content, spec, offset);

    public static byte[] Read(FileContent content, FileSpec spec, long offset = 0)
    {
        using var stream = content.Open(spec, offset);
        using var copy = new MemoryStream();
        stream.CopyTo(copy, 4093); // an odd buffer size, so reads straddle headers and blocks
        return copy.ToArray();
    }

    public static FileSpec SafeTensors(string key, long size, IReadOnlyDictionary<string, string>? metadata = null) =>
        new() { Key = key, Size = size, Layout = FileLayout.SafeTensors, Metadata = metadata };

    public static FileSpec Of(FileLayout layout, string key, long size) => new() { Key = key, Size = size, Layout = layout };
}
