using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace ModelHub.HubEmulator.Content;

/// <summary>
/// Computes every hash of one file while streaming its bytes once. A large file is streamed twice at the
/// same time, each pass feeding half of the hashes: generating bytes costs far less than hashing them,
/// so this uses a second core for nearly twice the speed.
/// </summary>
internal static class FileHashComputation
{
    /// <summary>From this size a file is hashed in two concurrent passes.</summary>
    public const long LargeFile = 64L * 1024 * 1024;

    // A1111's model hash: sha256 of the 64 KiB at 1 MiB (whatever of it the file has).
    private const long AutoV1Start = 0x100000;
    private const long AutoV1Length = 0x10000;

    private const int ChunkSize = 256 * 1024;

    public static FileHashes Compute(FileContent content, FileSpec spec)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var autoV1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var tensorData = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var gitBlob = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        using var blake3 = Blake3.Hasher.New();
        var crc32 = new System.IO.Hashing.Crc32();

        var size = spec.Size;
        var tensorDataOffset = content.TensorDataOffset(spec);
        var isGitBlob = size <= FileHashes.GitBlobLimit;
        gitBlob.AppendData(Encoding.ASCII.GetBytes($"blob {size}\0"));

        // Two groups of about equal cost, for the two passes of a large file.
        List<HashedRange> first = [new(0, size, sha256.AppendData), new(0, size, crc32.Append), new(AutoV1Start, AutoV1Start + AutoV1Length, autoV1.AppendData)];
        List<HashedRange> second = [new(0, size, blake3.Update)];
        if (tensorDataOffset is { } offset)
        {
            second.Add(new(offset, size, tensorData.AppendData));
        }

        if (isGitBlob)
        {
            first.Add(new(0, size, gitBlob.AppendData));
        }

        if (size >= LargeFile)
        {
            Parallel.Invoke(() => Feed(content, spec, first), () => Feed(content, spec, second));
        }
        else
        {
            Feed(content, spec, [.. first, .. second]);
        }

        var sha256Hex = Hex(sha256.GetHashAndReset());
        return new FileHashes(
            Sha256: sha256Hex,
            AutoV1: Hex(autoV1.GetHashAndReset())[..8],
            AutoV2: sha256Hex[..10],
            AutoV3: tensorDataOffset is null ? null : Hex(tensorData.GetHashAndReset())[..12],
            Crc32: crc32.GetCurrentHashAsUInt32().ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            Blake3: blake3.Finalize().ToString(),
            GitBlobSha1: isGitBlob ? Hex(gitBlob.GetHashAndReset()) : null);
    }

    /// <summary>Streams the part of the file the ranges cover and feeds each chunk to each of them.</summary>
    private static void Feed(FileContent content, FileSpec spec, IReadOnlyList<HashedRange> ranges)
    {
        var start = ranges.Min(range => range.Start);
        var end = ranges.Max(range => range.End);
        if (start >= end)
        {
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var stream = content.Open(spec, start);
            for (var position = start; position < end;)
            {
                var read = stream.Read(buffer.AsSpan(0, (int)Math.Min(ChunkSize, end - position)));
                if (read == 0)
                {
                    break;
                }

                foreach (var range in ranges)
                {
                    range.Feed(buffer.AsSpan(0, read), position);
                }

                position += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
