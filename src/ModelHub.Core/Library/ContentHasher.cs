using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using ModelHub.Downloads;

namespace ModelHub.Library;

/// <summary>Counts the bytes of model files a scan reads, so a test can prove a rescan reads none.</summary>
internal sealed class ContentCounter
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Add(long bytes) => Interlocked.Add(ref _bytes, bytes);
}

/// <summary>A file's SHA-256, read once, sequentially, in large blocks; every byte read is counted.</summary>
internal static class ContentHasher
{
    private const int BlockBytes = 1024 * 1024;

    /// <summary>The lowercase hex SHA-256 of the file; <paramref name="progressed"/> gets each block's size as it is hashed.</summary>
    public static string Sha256(string path, ContentCounter counter, Action<long> progressed, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var block = new byte[BlockBytes];
        int read;
        while ((read = stream.Read(block, 0, block.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            hash.AppendData(block, 0, read);
            counter.Add(read);
            progressed(read);
        }

        return FrontierHasher.Hex(hash.GetHashAndReset());
    }
}
