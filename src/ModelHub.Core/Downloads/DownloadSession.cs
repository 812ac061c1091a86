using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Errors;
using ModelHub.Http;
using ModelHub.IO;
using ModelHub.Resources;

namespace ModelHub.Downloads;

/// <summary>
/// One call's transfer of a file into its staging file: resumes what an earlier call left, fetches the missing
/// parts over one or several connections (each resuming on its own after a dropped or stalled body), starts over
/// when the server cannot continue, and hashes the file as it completes. Verifying and placing are the caller's.
/// </summary>
internal sealed class DownloadSession
{
    /// <summary>Space kept free beyond the file itself (the state file, the file system's own needs).</summary>
    public const long SpaceMargin = 8L << 20;

    /// <summary>
    /// The state file is rewritten at least this often, and after every 1/32 of the file (1 to 16 MiB), so a killed
    /// process loses little: what arrived after the last checkpoint is fetched again.
    /// </summary>
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

    private readonly DownloadRequest _request;
    private readonly string _destination;
    private readonly StagingFiles _staging;
    private readonly HubHttpClient _http;
    private readonly HubRequest _hubRequest;
    private readonly TimeProvider _time;
    private readonly IFreeSpaceProbe _space;
    private readonly ProgressMeter _progress;
    private readonly BandwidthLimiter? _limiter;
    private readonly Random _jitter = new();
    private readonly object _checkpointGate = new();
    private (StagingState State, PartTable Parts)? _completed;
    private long _lastCheckpoint;
    private long _writtenSinceCheckpoint;
    private long _networkBytes;

    /// <param name="hubRequest">The request for the hub's download address; every request of the session starts there.</param>
    public DownloadSession(DownloadRequest request, string destination, StagingFiles staging, HubHttpClient http, HubRequest hubRequest, TimeProvider time, IFreeSpaceProbe space, ProgressMeter progress)
    {
        _request = request;
        _destination = destination;
        _staging = staging;
        _http = http;
        _hubRequest = hubRequest;
        _time = time;
        _space = space;
        _progress = progress;
        _limiter = request.MaxBytesPerSecond is { } rate ? new BandwidthLimiter(rate, time) : null;
        _lastCheckpoint = time.GetTimestamp();
    }

    /// <summary>Whether bytes fetched before (by an earlier call, or before a failure in this one) are part of the file.</summary>
    public bool Resumed { get; private set; }

    /// <summary>Body bytes received from the network in this call.</summary>
    public long NetworkBytes => Interlocked.Read(ref _networkBytes);

    private bool HasExpectedHash => _request.ExpectedSha256 is not null || _request.ExpectedGitBlobSha1 is not null;

    /// <summary>
    /// Fetches the file into the staging file and returns its size and hashes. On failure or cancellation the staged
    /// bytes and their state are kept when a later call can resume from them, and removed otherwise.
    /// </summary>
    public async Task<(long Size, string Sha256, string? GitBlobSha1)> RunAsync(CancellationToken cancellationToken)
    {
        var state = LoadOrStart();
        if (state.TotalSize is { } total)
        {
            EnsureSpace(total - state.Parts.Sum(p => p.Done));
        }

        HttpResponseMessage? wholeBody = null;
        for (var restarts = 0; ; restarts++)
        {
            try
            {
                return await TransferAsync(state, wholeBody, cancellationToken).ConfigureAwait(false);
            }
            catch (RestartFromZeroException restart)
            {
                _staging.Discard();
                if (restarts > _hubRequest.Retry.MaxRetries)
                {
                    restart.WholeBody?.Dispose();
                    throw DownloadErrors.KeptRestarting(_request, _destination, restarts + 1);
                }

                wholeBody = restart.WholeBody;
                state = NewState(PartPlanner.Connections(_request.ExpectedSize, 1));
                Resumed = false;
            }
        }
    }

    /// <summary>
    /// After a run that completed, when the file could not be placed (or the call was cancelled first): records the
    /// staged file as complete, so the next call only hashes and places it.
    /// </summary>
    public void KeepCompleted()
    {
        if (_completed is { } completed)
        {
            KeepOrDiscard(completed.State, completed.Parts);
        }
    }

    private StagingState LoadOrStart()
    {
        if (_staging.LoadState(_request.ExpectedSize) is { } staged && IsResumable(staged) && staged.Parts.Any(p => p.Done > 0))
        {
            Resumed = true;
            return staged;
        }

        _staging.Discard();
        return NewState(PartPlanner.Connections(_request.ExpectedSize, _request.MaxConnections));
    }

    private StagingState NewState(int connections) => new()
    {
        TotalSize = _request.ExpectedSize,
        Parts = PartPlanner.Plan(_request.ExpectedSize, connections),
    };

    /// <summary>
    /// Staged bytes are worth keeping when a later call can tell they belong to the same file: the server gave a
    /// validator to send in If-Range, or the hub's hash will judge the result.
    /// </summary>
    private bool IsResumable(StagingState state) => state.HasValidator || HasExpectedHash;

    private async Task<(long Size, string Sha256, string? GitBlobSha1)> TransferAsync(StagingState state, HttpResponseMessage? wholeBody, CancellationToken cancellationToken)
    {
        var parts = new PartTable(state.Parts, state.TotalSize);
        using var hasher = new FrontierHasher(parts, _staging.PartialPath, _request.ExpectedGitBlobSha1 is null ? null : state.TotalSize);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var connections = new List<PartConnection>();
        var hashing = Task.Run(() => hasher.RunAsync(stop.Token), CancellationToken.None);
        _progress.Start(parts.BytesDone, parts.TotalSize);
        try
        {
            Preallocate(parts);
            if (parts.TakeNext() is { } first)
            {
                var connection = Connect(parts, hasher, state, connections);
                HttpResponseMessage response;
                if (wholeBody is null)
                {
                    response = await OpenTimedAsync(connection, first, state, parts, stop.Token).ConfigureAwait(false);
                }
                else
                {
                    Admit(wholeBody, first, ranged: false, state, parts);
                    response = wholeBody;
                    wholeBody = null;
                }

                // More connections only once the server has shown it serves ranges; all exist before any runs.
                try
                {
                    var count = response.StatusCode == HttpStatusCode.PartialContent
                        ? Math.Min(PartPlanner.Connections(parts.TotalSize, _request.MaxConnections), parts.IncompleteCount)
                        : 1;
                    while (connections.Count < count)
                    {
                        Connect(parts, hasher, state, connections);
                    }
                }
                catch
                {
                    response.Dispose();
                    throw;
                }

                var running = connections
                    .Select(c => c == connection ? FetchAsync(c, first, Task.FromResult(response), state, parts, hasher, stop.Token) : FetchAsync(c, null, null, state, parts, hasher, stop.Token))
                    .ToList();
                await WhenAllAsync(running, stop).ConfigureAwait(false);
            }

            hasher.Wake();
            try
            {
                await hashing.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw DownloadErrors.WriteFailed(_request, _destination, _staging.PartialPath, exception);
            }

            _progress.Finish();
            _completed = (state, parts);
            return (parts.TotalSize!.Value, hasher.Sha256(), hasher.GitBlobSha1());
        }
        catch (Exception failure)
        {
            wholeBody?.Dispose();
            stop.Cancel();
            await Task.WhenAny(hashing).ConfigureAwait(false);
            Close(connections);
            if (failure is not RestartFromZeroException)
            {
                KeepOrDiscard(state, parts);
            }

            throw;
        }
        finally
        {
            Close(connections);
        }
    }

    private PartConnection Connect(PartTable parts, FrontierHasher hasher, StagingState state, List<PartConnection> connections)
    {
        try
        {
            var connection = new PartConnection(_staging.PartialPath, parts, hasher, _progress, _limiter, _time, written => CheckpointIfDue(state, parts, written),
                failure => DownloadErrors.WriteFailed(_request, _destination, _staging.PartialPath, failure));
            connections.Add(connection);
            return connection;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw DownloadErrors.WriteFailed(_request, _destination, _staging.PartialPath, exception);
        }
    }

    private void Close(List<PartConnection> connections)
    {
        foreach (var connection in connections)
        {
            Interlocked.Add(ref _networkBytes, connection.NetworkBytes);
            connection.Dispose();
        }

        connections.Clear();
    }

    /// <summary>Parts are written at their offsets: the file gets its full length first (sparse where the file system allows).</summary>
    private void Preallocate(PartTable parts)
    {
        try
        {
            using var file = new FileStream(_staging.PartialPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1);
            if (parts.Count > 1 && parts.TotalSize is { } total && file.Length < total)
            {
                file.SetLength(total);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw DownloadErrors.WriteFailed(_request, _destination, _staging.PartialPath, exception);
        }
    }

    /// <summary>
    /// One connection: the part it was given (with its request, when already answered), then the next untaken ones.
    /// Each next part is requested shortly before the current one ends, so the connection does not idle through the
    /// hub's redirect and the CDN's first byte between parts.
    /// </summary>
    private async Task FetchAsync(PartConnection connection, DownloadPart? part, Task<HttpResponseMessage>? opening, StagingState state, PartTable parts, FrontierHasher hasher, CancellationToken cancellationToken)
    {
        part ??= parts.TakeNext();
        while (part is not null)
        {
            DownloadPart? next = null;
            Task<HttpResponseMessage>? nextOpening = null;
            void OpenNext()
            {
                if (nextOpening is null && parts.TakeNext() is { } taken)
                {
                    next = taken;
                    nextOpening = OpenTimedAsync(connection, taken, state, parts, cancellationToken);
                }
            }

            try
            {
                await FetchPartAsync(connection, part, opening, state, parts, hasher, OpenNext, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                if (nextOpening is not null)
                {
                    await DiscardAsync(nextOpening).ConfigureAwait(false);
                }

                throw;
            }

            part = next ?? parts.TakeNext();
            opening = nextOpening;
        }
    }

    /// <summary>Closes a response opened ahead that will not be read; its failure, if any, no longer matters.</summary>
    private static async Task DiscardAsync(Task<HttpResponseMessage> opening)
    {
        try
        {
            (await opening.ConfigureAwait(false)).Dispose();
        }
        catch (Exception)
        {
            // Whatever it was, the failure being reported is the current part's.
        }
    }

    /// <summary>
    /// Fetches one part, resuming it (Range from its next byte, If-Range on the validator) after a body that dropped
    /// or stalled. Gives up after the retry settings' number of consecutive failures that brought no byte.
    /// </summary>
    private async Task FetchPartAsync(PartConnection connection, DownloadPart part, Task<HttpResponseMessage>? opening, StagingState state, PartTable parts, FrontierHasher hasher, Action nearEnd, CancellationToken cancellationToken)
    {
        var retry = _hubRequest.Retry;
        var fruitless = 0;
        while (!part.IsComplete)
        {
            var before = part.Next;
            Exception? failure = null;
            var response = await (opening ?? OpenTimedAsync(connection, part, state, parts, cancellationToken)).ConfigureAwait(false);
            opening = null;
            try
            {
                using (response)
                {
                    var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    await connection.CopyAsync(body, part, nearEnd, cancellationToken).ConfigureAwait(false);
                }

                if (part.To is null)
                {
                    // A file of unknown size ends where its body ends.
                    parts.SetTotalSize(part.Next);
                    _progress.SetTotal(part.Next);
                }
            }
            catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
            {
                failure = exception;
            }

            hasher.Wake();
            if (part.IsComplete)
            {
                return;
            }

            fruitless = part.Next > before ? 0 : fruitless + 1;
            if (fruitless > retry.MaxRetries)
            {
                throw DownloadErrors.Stalled(_request, _destination, fruitless, failure);
            }

            if (part.Next > 0)
            {
                Resumed = true;
            }

            TimeSpan delay;
            lock (_jitter)
            {
                delay = RetryDelay.Backoff(fruitless, retry, _jitter);
            }

            _hubRequest.Trace?.Retrying(Redaction.Url(_hubRequest.Uri), fruitless + 1, delay, failure?.Message ?? Messages.DownloadBodyEnded);
            await _time.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> OpenTimedAsync(PartConnection connection, DownloadPart part, StagingState state, PartTable parts, CancellationToken cancellationToken)
    {
        var asked = _time.GetTimestamp();
        var response = await OpenAsync(part, state, parts, cancellationToken).ConfigureAwait(false);
        connection.AnswerTime = _time.GetElapsedTime(asked);
        return response;
    }

    /// <summary>
    /// Asks the hub for a part (the hub redirects to the CDN, signing a fresh address) and checks the answer before
    /// a byte of it is written. A range request refused as forbidden gets one fresh request: a signed CDN address
    /// that expired is re-signed by the hub.
    /// </summary>
    private async Task<HttpResponseMessage> OpenAsync(DownloadPart part, StagingState state, PartTable parts, CancellationToken cancellationToken)
    {
        var whole = part.Next == 0 && parts.Count == 1;
        var range = whole ? null : new RangeHeaderValue(part.Next, part.To);
        var ifRange = whole ? null : state.IfRange();
        HttpResponseMessage response;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                response = await _http.SendAsync(Attempt(range, ifRange), cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (HubAccessDeniedException denied) when (range is not null && attempt == 0 && denied.ErrorId == ErrorIds.HubAccessDenied)
            {
                // S3's "Request has expired": the next request starts at the hub again.
            }
            catch (ModelHubException unsatisfiable) when (range is not null && unsatisfiable.StatusCode == 416)
            {
                // The file is shorter than the staged bytes claim: it changed.
                throw new RestartFromZeroException(null);
            }
        }

        try
        {
            Admit(response, part, range is not null, state, parts);
            return response;
        }
        catch (RestartFromZeroException restart) when (restart.WholeBody == response)
        {
            throw;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private HubRequest Attempt(RangeHeaderValue? range, RangeConditionHeaderValue? ifRange) =>
        new(_hubRequest.Endpoint, _hubRequest.Method, _hubRequest.Uri, _hubRequest.Token, _hubRequest.Retry)
        {
            Target = _hubRequest.Target,
            Trace = _hubRequest.Trace,
            Accept = _hubRequest.Accept,
            BufferContent = false,
            Range = range,
            IfRange = ifRange,
        };

    /// <summary>
    /// Checks an answer before anything of it is written: a file, not a page (status and content type); the range
    /// asked for; a size that agrees with the hub's and with what is staged; the same file as the staged bytes.
    /// </summary>
    private void Admit(HttpResponseMessage response, DownloadPart part, bool ranged, StagingState state, PartTable parts)
    {
        var status = (int)response.StatusCode;
        var headers = response.Content?.Headers;
        var mediaType = headers?.ContentType?.MediaType;
        if (headers is null || status is not (200 or 206) || IsPage(mediaType))
        {
            throw DownloadErrors.UnexpectedContent(_request, _destination, status, mediaType ?? "no");
        }

        if (status == 206)
        {
            if (headers.ContentRange is not { HasRange: true, From: { } start } contentRange || start != part.Next)
            {
                throw DownloadErrors.WrongRange(_request, _destination, part.Next, headers.ContentRange?.ToString());
            }

            if (state.DiffersFrom(response))
            {
                throw new RestartFromZeroException(null);
            }

            if (contentRange.Length is { } total)
            {
                CheckSize(total, status, parts);
            }
        }
        else
        {
            if (ranged)
            {
                // The whole file instead of the range: the server ignores ranges, or the file changed.
                throw new RestartFromZeroException(response);
            }

            if (headers.ContentLength is { } length)
            {
                CheckSize(length, status, parts);
            }
        }

        if (!state.HasValidator)
        {
            state.TakeValidator(response);
        }
    }

    private void CheckSize(long announced, int status, PartTable parts)
    {
        if (_request.ExpectedSize is { } expected && announced != expected)
        {
            throw DownloadErrors.AnnouncedSizeMismatch(_request, _destination, announced, expected, status);
        }

        if (parts.TotalSize is { } staged)
        {
            if (announced != staged)
            {
                throw new RestartFromZeroException(null);
            }

            return;
        }

        EnsureSpace(announced - parts.BytesDone);
        parts.SetTotalSize(announced);
        _progress.SetTotal(announced);
    }

    private static bool IsPage(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));

    private void EnsureSpace(long missingBytes)
    {
        var needed = Math.Max(0, missingBytes) + SpaceMargin;
        if (_space.AvailableBytes(_staging.Folder) is { } available && available < needed)
        {
            throw DownloadErrors.InsufficientSpace(_request, _destination, _staging.Folder, needed, available);
        }
    }

    private static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is IOException or HttpRequestException or TimeoutException or ObjectDisposedException or OperationCanceledException;

    /// <summary>Waits for every connection; the first to fail stops the others, and its failure is the one reported.</summary>
    private static async Task WhenAllAsync(List<Task> running, CancellationTokenSource stop)
    {
        Exception? failure = null;
        var pending = running.ToList();
        while (pending.Count > 0)
        {
            var ended = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(ended);
            if (ended.Exception?.InnerException is { } exception)
            {
                if (failure is null or OperationCanceledException)
                {
                    failure = exception;
                }
                else if (exception is RestartFromZeroException { WholeBody: { } unused })
                {
                    unused.Dispose();
                }

                stop.Cancel();
            }
            else if (ended.IsCanceled && failure is null)
            {
                failure = new OperationCanceledException(stop.Token);
                stop.Cancel();
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private void CheckpointIfDue(StagingState state, PartTable parts, int written)
    {
        var bytesDue = Math.Max(1L << 20, Math.Min(16L << 20, (parts.TotalSize ?? long.MaxValue) / 32));
        var due = Interlocked.Add(ref _writtenSinceCheckpoint, written) >= bytesDue
            || _time.GetElapsedTime(Interlocked.Read(ref _lastCheckpoint)) >= CheckpointInterval;
        if (!due || !IsResumable(state) || !Monitor.TryEnter(_checkpointGate))
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref _lastCheckpoint, _time.GetTimestamp());
            Interlocked.Exchange(ref _writtenSinceCheckpoint, 0);
            Checkpoint(state, parts);
        }
        finally
        {
            Monitor.Exit(_checkpointGate);
        }
    }

    /// <summary>Records what the staging file holds; every byte it counts was written before (parts advance only after their write).</summary>
    private void Checkpoint(StagingState state, PartTable parts)
    {
        lock (_checkpointGate)
        {
            state.Parts = parts.Snapshot().ToList();
            state.TotalSize = parts.TotalSize;
            try
            {
                _staging.SaveState(state);
            }
            catch (Exception exception) when (AtomicFile.IsWriteFailure(exception))
            {
                throw DownloadErrors.WriteFailed(_request, _destination, _staging.StatePath, exception);
            }
        }
    }

    private void KeepOrDiscard(StagingState state, PartTable parts)
    {
        if (IsResumable(state) && parts.BytesDone > 0)
        {
            try
            {
                Checkpoint(state, parts);
                return;
            }
            catch (ModelHubException)
            {
                // Without its state the data cannot be resumed: remove it below.
            }
        }

        _staging.Discard();
    }
}
