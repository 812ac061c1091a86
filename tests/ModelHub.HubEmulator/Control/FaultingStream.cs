using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.Control;

/// <summary>
/// The response body of one request, as the network sees it: counts the bytes really sent and, when a
/// fault rule says so, stalls, throttles, corrupts a byte or drops the connection.
/// </summary>
internal sealed class FaultingStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpContext _context;
    private readonly FaultRule? _rule;
    private readonly Stopwatch _clock = new();
    private bool _started;
    private long _fileOffset;

    public FaultingStream(Stream inner, HttpContext context, FaultRule? rule)
    {
        _inner = inner;
        _context = context;
        _rule = rule;
    }

    /// <summary>Body bytes actually written to the connection.</summary>
    public long BytesSent { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesSent;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_started)
        {
            await StartAsync(cancellationToken);
        }

        while (!buffer.IsEmpty)
        {
            var chunk = buffer.Slice(0, ChunkLength(buffer.Length));
            buffer = buffer.Slice(chunk.Length);

            if (_rule?.DropAfterBytes is { } dropAt && BytesSent + chunk.Length >= dropAt && _rule.TryAct())
            {
                var last = (int)Math.Max(0, dropAt - BytesSent);
                await SendAsync(chunk.Slice(0, last), cancellationToken);
                await _inner.FlushAsync(cancellationToken);
                _context.Abort();
                throw new IOException($"Emulated fault: connection dropped after {dropAt} bytes.");
            }

            await SendAsync(Corrupt(chunk), cancellationToken);
            await ThrottleAsync(cancellationToken);
        }
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _started = true;
        _fileOffset = RangeStart(_context.Response.Headers.ContentRange.ToString());
        _clock.Start();
        if (_rule?.StallMs is { } stall)
        {
            // Headers out, then silence: the client sees a body that stalls.
            await _context.Response.StartAsync(cancellationToken);
            await _inner.FlushAsync(cancellationToken);
            await Task.Delay(stall, cancellationToken);
        }
    }

    private int ChunkLength(int available)
    {
        // Throttled bodies go out in slices of 1/20 s, so the pace is smooth even for large writes.
        var slice = _rule?.ThrottleBytesPerSecond is { } rate ? (int)Math.Clamp(rate / 20, 1, 1 << 20) : available;
        return Math.Min(available, slice);
    }

    private ReadOnlyMemory<byte> Corrupt(ReadOnlyMemory<byte> chunk)
    {
        if (_rule?.CorruptAtOffset is not { } target)
        {
            return chunk;
        }

        var relative = target - (_fileOffset + BytesSent);
        if (relative < 0 || relative >= chunk.Length || !_rule.TryAct())
        {
            return chunk;
        }

        var copy = chunk.ToArray();
        copy[relative] ^= 0xFF;
        return copy;
    }

    private async Task SendAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        await _inner.WriteAsync(chunk, cancellationToken);
        BytesSent += chunk.Length;
    }

    private async Task ThrottleAsync(CancellationToken cancellationToken)
    {
        if (_rule?.ThrottleBytesPerSecond is not { } rate)
        {
            return;
        }

        var due = TimeSpan.FromSeconds((double)BytesSent / rate) - _clock.Elapsed;
        if (due > TimeSpan.Zero)
        {
            await _inner.FlushAsync(cancellationToken);
            await Task.Delay(due, cancellationToken);
        }
    }

    /// <summary>The first byte's offset in the file: the start of "bytes a-b/n", else 0.</summary>
    private static long RangeStart(string contentRange)
    {
        if (!contentRange.StartsWith("bytes ", StringComparison.Ordinal))
        {
            return 0;
        }

        var dash = contentRange.IndexOf('-');
        return dash > 6 && long.TryParse(contentRange.AsSpan(6, dash - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 0;
    }
}
