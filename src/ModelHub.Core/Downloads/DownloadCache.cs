using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.IO;

namespace ModelHub.Downloads;

/// <summary>
/// The shared download cache (MODELHUB_CACHE, -CachePath): verified files kept as &lt;cache&gt;/&lt;sha256[0..2]&gt;/&lt;sha256&gt;.
/// Downloads fill it under a lock per SHA-256, so processes that want the same file at once fetch it once between them;
/// a file is taken from it by hard link (same volume) or by copy, each time after its hash is checked.
/// </summary>
internal static class DownloadCache
{
    private const int CopyBufferSize = 1 << 20;

    /// <summary>Where the cache keeps the file with this SHA-256.</summary>
    public static string EntryPath(string cacheFolder, string sha256)
    {
        var hash = sha256.ToLowerInvariant();
        return Path.Combine(Path.GetFullPath(cacheFolder), hash.Substring(0, 2), hash);
    }

    /// <summary>The lock held while an entry is checked, filled or taken from.</summary>
    public static string LockPath(string entry) => entry + ".lock";

    /// <summary>
    /// Puts the entry's bytes at <paramref name="target"/> (a hard link, else a copy) and checks them against
    /// <paramref name="sha256"/> and <paramref name="size"/>: a link by reading it (unless <paramref name="justVerified"/>,
    /// the entry having been verified as it was downloaded), a copy as it is written. False when the entry is missing
    /// or damaged; a damaged entry and its copy are removed, so the caller downloads it again.
    /// </summary>
    public static async Task<bool> TryPlaceAsync(string entry, string target, string sha256, long? size, bool justVerified, CancellationToken cancellationToken)
    {
        var cached = new FileInfo(entry);
        if (!cached.Exists)
        {
            return false;
        }

        if (size is { } expected && cached.Length != expected)
        {
            Delete(entry);
            return false;
        }

        Delete(target);
        string actual;
        if (FileLinks.TryCreateHardLink(entry, target))
        {
            if (justVerified)
            {
                return true;
            }

            actual = (await FrontierHasher.HashFileAsync(target, gitBlob: false, cancellationToken).ConfigureAwait(false)).Sha256;
        }
        else
        {
            actual = await CopyHashingAsync(entry, target, cancellationToken).ConfigureAwait(false);
        }

        if (string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Delete(target);
        Delete(entry);
        return false;
    }

    /// <summary>Copies the file, hashing what is read: one pass checks the cache entry and the copy together.</summary>
    private static async Task<string> CopyHashingAsync(string source, string target, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[CopyBufferSize];
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
        using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await input.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
            }
        }

        return FrontierHasher.Hex(hash.GetHashAndReset());
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left behind, a damaged entry fails its size or hash check again next time and is replaced then.
        }
    }
}
