using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Resources;

namespace ModelHub.Http;

/// <summary>A read-only stream that fails with <see cref="TimeoutException"/> when one read waits longer than the idle timeout.</summary>
internal sealed class IdleTimeoutStream : Stream
{
    private readonly Stream _inner;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeProvider _time;

    public IdleTimeoutStream(Stream inner, TimeSpan idleTimeout, TimeProvider time)
    {
        _inner = inner;
        _idleTimeout = idleTimeout;
        _time = time;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        using var idle = _time.CreateCancellationTokenSource(_idleTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await _inner.ReadAsync(buffer, offset, count, linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested && exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            throw new TimeoutException(Text.Format(Messages.BodyStalled, _idleTimeout.TotalSeconds), exception);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
