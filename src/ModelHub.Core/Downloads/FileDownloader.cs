using System;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Http;

namespace ModelHub.Downloads;

/// <summary>
/// Downloads one file to a staging file beside its destination, hashing as bytes arrive, resuming after
/// failures (this process or an earlier one), and moves it into place only once verified.
/// </summary>
public sealed class FileDownloader
{
    private readonly HubHttpClient _http;
    private readonly HubRequestFactory _requests;
    private readonly TimeProvider _time;

    public FileDownloader(HubHttpClient http, HubRequestFactory requests, TimeProvider time)
    {
        _http = http;
        _requests = requests;
        _time = time;
    }

    /// <summary>The staging folder for a destination: on its volume, so the final move is a rename.</summary>
    public static string StagingFolderFor(string destinationPath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(destinationPath))!, ".modelhub-staging");

    /// <summary>
    /// Downloads, verifies and places the file. Throws <see cref="Errors.ModelHubException"/> for every failure
    /// (the destination untouched; a staging file kept only when a later call can resume from it);
    /// <see cref="OperationCanceledException"/> on cancellation (the staging file kept for resuming).
    /// </summary>
    public Task<DownloadResult> DownloadAsync(DownloadRequest request, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
