using System;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace ModelHub.Downloads;

/// <summary>
/// One connection's copy of response bodies into the staging file, on two tasks: one reads the network into a few
/// reusable buffers, the other writes each buffer at its offset, records it in the part table, feeds the hasher and
/// the progress meter. Every byte that arrived before a failure is written before the failure is reported.
/// </summary>
internal sealed class PartConnection : IDisposable
{
    private const int BufferSize = 512 << 10;
    private const int BufferCount = 4;

    /// <summary>The rate is not judged on less than this.</summary>
    private static readonly TimeSpan RateSample = TimeSpan.FromMilliseconds(100);

    private readonly BufferPipe _pipe = new(BufferCount, BufferSize);
    private readonly FileStream _file;
    private readonly PartTable _parts;
    private readonly FrontierHasher _hasher;
    private readonly ProgressMeter _progress;
    private readonly BandwidthLimiter? _limiter;
    private readonly TimeProvider _time;
    private readonly Action<int> _written;
    private readonly Func<Exception, Exception> _writeFailed;
    private long _networkBytes;

    /// <param name="written">Called with the byte count after each write (the session checkpoints when one is due).</param>
    /// <param name="writeFailed">Turns a failure of the staging file into the error to report.</param>
    public PartConnection(string path, PartTable parts, FrontierHasher hasher, ProgressMeter progress, BandwidthLimiter? limiter, TimeProvider time, Action<int> written, Func<Exception, Exception> writeFailed)
    {
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1);
        _parts = parts;
        _hasher = hasher;
        _progress = progress;
        _limiter = limiter;
        _time = time;
        _written = written;
        _writeFailed = writeFailed;
    }

    /// <summary>
    /// How long this connection's last request took to be answered (the hub's redirect and the CDN's first byte):
    /// the next part is requested that long before the current one ends, so the two barely overlap.
    /// </summary>
    public TimeSpan AnswerTime { get; set; }

    /// <summary>Body bytes this connection received from the network.</summary>
    public long NetworkBytes => Interlocked.Read(ref _networkBytes);

    /// <summary>
    /// Copies <paramref name="body"/> into <paramref name="part"/> from its next byte on, until the part is complete
    /// or the body ends. A failure of the body is thrown after what arrived is written; a failure of the file is
    /// thrown as <c>writeFailed</c> made it. <paramref name="nearEnd"/> is called once, <see cref="AnswerTime"/>
    /// before the part's end at the rate it arrives.
    /// </summary>
    public async Task CopyAsync(Stream body, DownloadPart part, Action nearEnd, CancellationToken cancellationToken)
    {
        _pipe.Reset();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = Task.Run(() => WriteAsync(part, stop), CancellationToken.None);
        Exception? readFailure = null;
        try
        {
            await ReadAsync(body, part, nearEnd, stop.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            readFailure = exception;
        }

        _pipe.Complete();
        Exception? writeFailure = null;
        try
        {
            await writer.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            writeFailure = exception;
        }

        // A failed write stops the reader (which then reports a cancellation): the write's failure is the cause.
        var failure = writeFailure is not null and not OperationCanceledException ? writeFailure : readFailure ?? writeFailure;
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private async Task ReadAsync(Stream body, DownloadPart part, Action? nearEnd, CancellationToken cancellationToken)
    {
        var start = part.Next;
        var offset = start;
        var end = part.To + 1;
        var started = _time.GetTimestamp();
        while (end is null || offset < end)
        {
            if (nearEnd is not null && end is { } last && _time.GetElapsedTime(started) is var elapsed && elapsed >= RateSample
                && last - offset <= (offset - start) / elapsed.TotalSeconds * AnswerTime.TotalSeconds)
            {
                nearEnd();
                nearEnd = null;
            }

            var buffer = await _pipe.RentAsync(cancellationToken).ConfigureAwait(false);
            var wanted = (int)Math.Min(buffer.Length, (end ?? long.MaxValue) - offset);
            var (count, failure) = await FillAsync(body, buffer, wanted, cancellationToken).ConfigureAwait(false);
            if (count > 0)
            {
                _pipe.Publish(buffer, offset, count);
                offset += count;
            }
            else
            {
                _pipe.Return(buffer);
            }

            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }

            if (count < wanted)
            {
                return;
            }
        }
    }

    /// <summary>Reads until the buffer holds <paramref name="wanted"/> bytes or the body ends; a failure comes back beside what was read before it.</summary>
    private async Task<(int Count, Exception? Failure)> FillAsync(Stream body, byte[] buffer, int wanted, CancellationToken cancellationToken)
    {
        var filled = 0;
        try
        {
            while (filled < wanted)
            {
                var read = await body.ReadAsync(buffer, filled, Math.Min(wanted - filled, _limiter?.ReadSize ?? wanted), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                Interlocked.Add(ref _networkBytes, read);
                if (_limiter is not null)
                {
                    await _limiter.PayAsync(read, cancellationToken).ConfigureAwait(false);
                }
            }

            return (filled, null);
        }
        catch (Exception exception)
        {
            return (filled, exception);
        }
    }

    private async Task WriteAsync(DownloadPart part, CancellationTokenSource stop)
    {
        try
        {
            // Not cancellable: what the reader got is written (and counted for a resume) before the copy ends; the reader always completes.
            while (await _pipe.TakeAsync(CancellationToken.None).ConfigureAwait(false) is { } chunk)
            {
                try
                {
                    if (_file.Position != chunk.Offset)
                    {
                        _file.Position = chunk.Offset;
                    }

                    _file.Write(chunk.Buffer, 0, chunk.Count);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
                {
                    throw _writeFailed(exception);
                }

                _parts.Advance(part, chunk.Count);
                _hasher.Written(part, chunk.Offset, chunk.Buffer, chunk.Count);
                _pipe.Return(chunk.Buffer);
                _progress.Add(chunk.Count);
                _written(chunk.Count);
            }
        }
        catch
        {
            // The reader may be waiting for a buffer this task will never hand back.
            stop.Cancel();
            throw;
        }
    }

    public void Dispose()
    {
        _pipe.Dispose();
        _file.Dispose();
    }
}
