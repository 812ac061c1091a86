using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Errors;
using ModelHub.Http;
using ModelHub.IO;

namespace ModelHub.Downloads;

/// <summary>
/// Downloads one file to a staging file beside its destination, hashing as bytes arrive, resuming after
/// failures (this process or an earlier one), and moves it into place only once verified.
/// </summary>
public sealed class FileDownloader
{
    private const string AnyMediaType = "*/*";

    // Windows' ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: another program has the destination open.
    private const int SharingViolation = 32;
    private const int LockViolation = 33;

    private readonly HubHttpClient _http;
    private readonly HubRequestFactory _requests;
    private readonly TimeProvider _time;
    private readonly IFreeSpaceProbe _space;

    public FileDownloader(HubHttpClient http, HubRequestFactory requests, TimeProvider time)
        : this(http, requests, time, DriveFreeSpaceProbe.Instance)
    {
    }

    internal FileDownloader(HubHttpClient http, HubRequestFactory requests, TimeProvider time, IFreeSpaceProbe space)
    {
        _http = http;
        _requests = requests;
        _time = time;
        _space = space;
    }

    /// <summary>The staging folder for a destination: on its volume, so the final move is a rename.</summary>
    public static string StagingFolderFor(string destinationPath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(destinationPath))!, ".modelhub-staging");

    /// <summary>
    /// Downloads, verifies and places the file. Throws <see cref="ModelHubException"/> for every failure
    /// (the destination untouched; a staging file kept only when a later call can resume from it);
    /// <see cref="OperationCanceledException"/> on cancellation (the staging file kept for resuming).
    /// </summary>
    public async Task<DownloadResult> DownloadAsync(DownloadRequest request, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        Validate(request);
        var started = _time.GetTimestamp();
        var destination = Path.GetFullPath(request.DestinationPath);
        var staging = StagingFiles.For(request, destination);
        try
        {
            using (await LockAsync(request, destination, staging, cancellationToken).ConfigureAwait(false))
            {
                if (!request.Force && await ExistingAsync(request, destination, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    staging.Discard();
                    var done = new ProgressMeter(progress, _time);
                    done.Start(existing.Size, existing.Size);
                    done.Finish();
                    return Result(existing, destination, started, resumed: false, skipped: true, bytesDownloaded: 0);
                }

                if (request.CachePath is { } cache && request.ExpectedSha256 is { } sha256)
                {
                    return await ThroughCacheAsync(request, destination, staging, DownloadCache.EntryPath(cache, sha256), progress, started, cancellationToken).ConfigureAwait(false);
                }

                var meter = new ProgressMeter(progress, _time);
                var hubRequest = _requests.CreateForUrl(request.Hub, request.Url, request.Options, request.Target.Length > 0 ? request.Target : null, AnyMediaType);
                var session = new DownloadSession(request, destination, staging, _http, hubRequest, _time, _space, meter);
                var staged = await session.RunAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var verified = await VerifyAsync(request, destination, staging, staged, cancellationToken).ConfigureAwait(false);
                    Place(request, destination, staging);
                    return Result(verified, destination, started, session.Resumed, skipped: false, session.NetworkBytes);
                }
                catch (Exception exception) when (exception is OperationCanceledException or ModelHubException { ErrorId: ErrorIds.FileWriteFailed or ErrorIds.FileInUse })
                {
                    session.KeepCompleted();
                    throw;
                }
            }
        }
        finally
        {
            staging.RemoveFolderIfEmpty();
        }
    }

    /// <summary>
    /// Takes the file from the shared cache, downloading it there first when it is missing or damaged, all under the
    /// entry's lock: whoever holds it fills the entry, the others wait and then find it.
    /// </summary>
    private async Task<DownloadResult> ThroughCacheAsync(DownloadRequest request, string destination, StagingFiles staging, string entry, IProgress<DownloadProgress>? progress, long started, CancellationToken cancellationToken)
    {
        var sha256 = request.ExpectedSha256!;
        var intoCache = request with { DestinationPath = entry, CachePath = null, Force = false };
        using (await LockAsync(request, entry, DownloadCache.LockPath(entry), cancellationToken).ConfigureAwait(false))
        {
            var fetched = File.Exists(entry) ? null : await DownloadAsync(intoCache, progress, cancellationToken).ConfigureAwait(false);
            try
            {
                // A stale partial download of the destination gives way to the cached file.
                staging.Discard();
                Directory.CreateDirectory(staging.Folder);
                if (!await DownloadCache.TryPlaceAsync(entry, staging.PartialPath, sha256, request.ExpectedSize, fetched is not null, cancellationToken).ConfigureAwait(false))
                {
                    // The cached copy was damaged (and is gone): fetch it again, once.
                    fetched = await DownloadAsync(intoCache, progress, cancellationToken).ConfigureAwait(false);
                    if (!await DownloadCache.TryPlaceAsync(entry, staging.PartialPath, sha256, request.ExpectedSize, justVerified: true, cancellationToken).ConfigureAwait(false))
                    {
                        throw DownloadErrors.CacheEntryLost(request, destination, entry);
                    }
                }
            }
            catch (Exception exception) when (AtomicFile.IsWriteFailure(exception))
            {
                staging.Discard();
                throw DownloadErrors.WriteFailed(request, destination, destination, exception);
            }

            Place(request, destination, staging);
            if (fetched is null)
            {
                var meter = new ProgressMeter(progress, _time);
                meter.Start(request.ExpectedSize ?? 0, request.ExpectedSize);
                meter.Finish();
            }

            var size = new FileInfo(destination).Length;
            return Result(new VerifiedFile(size, sha256.ToLowerInvariant(), Verified: true), destination, started, fetched?.Resumed ?? false, skipped: false, fetched?.BytesDownloaded ?? 0, fromCache: fetched is null);
        }
    }

    private static void Validate(DownloadRequest request)
    {
        if (request.Url is not { IsAbsoluteUri: true })
        {
            throw new ArgumentException("The download URL must be absolute.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.DestinationPath))
        {
            throw new ArgumentException("The destination path is empty.", nameof(request));
        }

        if (request.MaxConnections is < 1 or > PartPlanner.MostConnections)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxConnections, "MaxConnections must be from 1 to 16.");
        }

        if (request.MaxBytesPerSecond is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxBytesPerSecond, "MaxBytesPerSecond must be greater than 0.");
        }
    }

    private Task<InstallLock> LockAsync(DownloadRequest request, string destination, StagingFiles staging, CancellationToken cancellationToken) =>
        LockAsync(request, destination, staging.LockPath, cancellationToken);

    private async Task<InstallLock> LockAsync(DownloadRequest request, string destination, string lockPath, CancellationToken cancellationToken)
    {
        try
        {
            return await InstallLock.AcquireAsync(lockPath, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (AtomicFile.IsWriteFailure(exception))
        {
            throw DownloadErrors.WriteFailed(request, destination, Path.GetDirectoryName(lockPath)!, exception);
        }
    }

    /// <summary>The destination's hashes when it already holds the file the hub lists (its size and hash); null otherwise or when nothing can tell.</summary>
    private static async Task<VerifiedFile?> ExistingAsync(DownloadRequest request, string destination, CancellationToken cancellationToken)
    {
        var file = new FileInfo(destination);
        if (!file.Exists || (request.ExpectedSize is null && request.ExpectedSha256 is null && request.ExpectedGitBlobSha1 is null)
            || (request.ExpectedSize is { } size && file.Length != size))
        {
            return null;
        }

        try
        {
            var (sha256, gitBlobSha1) = await FrontierHasher.HashFileAsync(destination, request.ExpectedGitBlobSha1 is not null, cancellationToken).ConfigureAwait(false);
            return Matches(request.ExpectedSha256, sha256) && Matches(request.ExpectedGitBlobSha1, gitBlobSha1)
                ? new VerifiedFile(file.Length, sha256, HasHash(request))
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // An unreadable destination is downloaded again; placing it then tells whether it can be replaced.
            return null;
        }
    }

    /// <summary>Checks size and hashes against the hub's; a mismatch discards the staging file and nothing is placed.</summary>
    private static async Task<VerifiedFile> VerifyAsync(DownloadRequest request, string destination, StagingFiles staging, (long Size, string Sha256, string? GitBlobSha1) staged, CancellationToken cancellationToken)
    {
        ModelHubException? mismatch = null;
        if (request.ExpectedSize is { } size && staged.Size != size)
        {
            mismatch = DownloadErrors.SizeMismatch(request, destination, staged.Size, size);
        }
        else if (!Matches(request.ExpectedSha256, staged.Sha256))
        {
            mismatch = DownloadErrors.HashMismatch(request, destination, "SHA-256", staged.Sha256, request.ExpectedSha256!);
        }
        else if (request.ExpectedGitBlobSha1 is { } expectedBlob)
        {
            // Without a size before the first byte, the blob header could not lead the hash: one read of the (small) file.
            var blob = staged.GitBlobSha1 ?? (await FrontierHasher.HashFileAsync(staging.PartialPath, gitBlob: true, cancellationToken).ConfigureAwait(false)).GitBlobSha1!;
            if (!Matches(expectedBlob, blob))
            {
                mismatch = DownloadErrors.HashMismatch(request, destination, "git blob sha1", blob, expectedBlob);
            }
        }

        if (mismatch is not null)
        {
            staging.Discard();
            throw mismatch;
        }

        return new VerifiedFile(staged.Size, staged.Sha256, HasHash(request));
    }

    /// <summary>Renames the staging file onto the destination (same volume: atomic), replacing an older file.</summary>
    private static void Place(DownloadRequest request, string destination, StagingFiles staging)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (File.Exists(destination))
            {
                File.Replace(staging.PartialPath, destination, destinationBackupFileName: null);
            }
            else
            {
                File.Move(staging.PartialPath, destination);
            }
        }
        catch (IOException exception) when ((exception.HResult & 0xFFFF) is SharingViolation or LockViolation)
        {
            throw DownloadErrors.DestinationInUse(request, destination, exception);
        }
        catch (Exception exception) when (AtomicFile.IsWriteFailure(exception))
        {
            throw DownloadErrors.WriteFailed(request, destination, destination, exception);
        }

        staging.Discard();
    }

    private DownloadResult Result(VerifiedFile file, string destination, long started, bool resumed, bool skipped, long bytesDownloaded, bool fromCache = false) => new()
    {
        FromCache = fromCache,
        Path = destination,
        Size = file.Size,
        Sha256 = file.Sha256,
        Verified = file.Verified,
        Resumed = resumed,
        Skipped = skipped,
        Elapsed = _time.GetElapsedTime(started),
        BytesDownloaded = bytesDownloaded,
    };

    private static bool HasHash(DownloadRequest request) => request.ExpectedSha256 is not null || request.ExpectedGitBlobSha1 is not null;

    private static bool Matches(string? expected, string? actual) =>
        expected is null || string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase);
}
