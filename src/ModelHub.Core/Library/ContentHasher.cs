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

/// <summary>
/// A file's SHA-256, read once, sequentially, in large blocks; every byte read is counted. Each hashing worker owns one
/// hasher and reuses its block for every file: a new 1 MiB block per file would churn the large-object heap into
/// frequent full collections, which cost more than the hashing of small files.
/// </summary>
internal sealed class ContentHasher : IDisposable
{
    private const int BlockBytes = 1024 * 1024;

    private readonly byte[] _block = new byte[BlockBytes];
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Dispose() => _hash.Dispose();

    /// <summary>The lowercase hex SHA-256 of the file; <paramref name="progressed"/> gets each block's size as it is hashed.</summary>
    public string Sha256(string path, ContentCounter counter, Action<long> progressed, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            int read;
            while ((read = stream.Read(_block, 0, _block.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _hash.AppendData(_block, 0, read);
                counter.Add(read);
                progressed(read);
            }

            return FrontierHasher.Hex(_hash.GetHashAndReset());
        }
        catch
        {
            // A file that failed half-way must not leave its bytes in the hash of the next one.
            _hash.GetHashAndReset();
            throw;
        }
    }
}
