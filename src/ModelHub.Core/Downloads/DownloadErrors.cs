using System;
using System.Globalization;
using ModelHub.Errors;
using ModelHub.Resources;

namespace ModelHub.Downloads;

/// <summary>The errors a download reports itself (the HTTP layer reports the hub's refusals).</summary>
internal static class DownloadErrors
{
    public static ModelHubException HashMismatch(DownloadRequest request, string destination, string algorithm, string actual, string expected) =>
        Stamp(new ModelHubException(ErrorIds.FileHashMismatch, HubErrorCategory.InvalidResult,
            Text.Format(Messages.DownloadHashMismatch, Describe(request, destination), algorithm, actual, expected.ToLowerInvariant(), destination), Messages.DownloadMismatchAction), request, destination);

    public static ModelHubException SizeMismatch(DownloadRequest request, string destination, long actual, long expected) =>
        Stamp(new ModelHubException(ErrorIds.FileSizeMismatch, HubErrorCategory.InvalidResult,
            Text.Format(Messages.DownloadSizeMismatch, Describe(request, destination), Number(actual), Number(expected), destination), Messages.DownloadMismatchAction), request, destination);

    public static ModelHubException AnnouncedSizeMismatch(DownloadRequest request, string destination, long announced, long expected, int status) =>
        Stamp(new ModelHubException(ErrorIds.FileSizeMismatch, HubErrorCategory.InvalidResult,
            Text.Format(Messages.DownloadAnnouncedSizeMismatch, Describe(request, destination), Number(announced), Number(expected)), Messages.DownloadMismatchAction), request, destination, status);

    public static ModelHubException UnexpectedContent(DownloadRequest request, string destination, int status, string mediaType) =>
        Stamp(new ModelHubException(ErrorIds.UnexpectedDownloadContent, HubErrorCategory.InvalidResult,
            Text.Format(Messages.UnexpectedDownloadContent, Describe(request, destination), status, mediaType), Messages.UnexpectedDownloadContentAction), request, destination, status);

    public static ModelHubException WrongRange(DownloadRequest request, string destination, long from, string? contentRange) =>
        Stamp(new InvalidHubResponseException(Text.Format(Messages.DownloadWrongRange, Describe(request, destination), Number(from), contentRange ?? "none"), Messages.InvalidResponseAction), request, destination, 206);

    public static ModelHubException InsufficientSpace(DownloadRequest request, string destination, string folder, long needed, long available) =>
        Stamp(new ModelHubException(ErrorIds.InsufficientDiskSpace, HubErrorCategory.LimitsExceeded,
            Text.Format(Messages.InsufficientDiskSpace, Describe(request, destination), Number(needed), folder, Number(available)), Messages.InsufficientDiskSpaceAction), request, destination);

    public static ModelHubException Stalled(DownloadRequest request, string destination, int failures, Exception? last) =>
        Stamp(new HubUnavailableException(
            Text.Format(Messages.DownloadStalled, Describe(request, destination), failures, last is null ? Messages.DownloadBodyEnded : Reason(last)),
            Messages.DownloadRetryAction, last), request, destination);

    public static ModelHubException KeptRestarting(DownloadRequest request, string destination, int restarts) =>
        Stamp(new HubUnavailableException(Text.Format(Messages.DownloadKeptRestarting, Describe(request, destination), restarts), Messages.DownloadRetryAction), request, destination);

    public static ModelHubException WriteFailed(DownloadRequest request, string destination, string path, Exception failure) =>
        Stamp(new ModelHubException(ErrorIds.FileWriteFailed, HubErrorCategory.ResourceUnavailable,
            Text.Format(Messages.DownloadWriteFailed, path, failure.Message), Messages.DownloadWriteFailedAction, failure), request, destination);

    public static ModelHubException DestinationInUse(DownloadRequest request, string destination, Exception failure) =>
        Stamp(new ModelHubException(ErrorIds.FileInUse, HubErrorCategory.ResourceUnavailable,
            Text.Format(Messages.DownloadDestinationInUse, destination, failure.Message), Messages.DownloadDestinationInUseAction, failure), request, destination);

    public static ModelHubException CacheEntryLost(DownloadRequest request, string destination, string entry) =>
        Stamp(new ModelHubException(ErrorIds.FileWriteFailed, HubErrorCategory.ResourceUnavailable,
            Text.Format(Messages.CacheEntryLost, Describe(request, destination), entry, destination), Messages.CacheEntryLostAction), request, destination);

    /// <summary>What the messages call the file: the caller's description, else the destination.</summary>
    private static string Describe(DownloadRequest request, string destination) =>
        request.Target.Length > 0 ? request.Target : destination;

    /// <summary>A transport failure's own words: the innermost cause, except a stalled body's (which says how long it waited).</summary>
    private static string Reason(Exception failure)
    {
        while (failure.InnerException is not null && failure is not TimeoutException)
        {
            failure = failure.InnerException;
        }

        return failure.Message;
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static ModelHubException Stamp(ModelHubException exception, DownloadRequest request, string destination, int? status = null)
    {
        exception.Hub = request.Hub;
        exception.Target = Describe(request, destination);
        exception.StatusCode = status;
        return exception;
    }
}
