using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace ModelHub.Downloads;

/// <summary>
/// A fixed set of buffers passed between a connection's two tasks: the network reader fills them, the writer
/// writes and hashes them and hands them back. The reader runs at most a few buffers ahead, so memory stays
/// bounded whatever the file's size. Reused for each response of the connection (<see cref="Reset"/>).
/// </summary>
internal sealed class BufferPipe : IDisposable
{
    private readonly byte[][] _buffers;
    private ConcurrentQueue<byte[]> _free = new();
    private ConcurrentQueue<(byte[] Buffer, long Offset, int Count)> _filled = new();
    private SemaphoreSlim _freeCount = new(0);
    private SemaphoreSlim _filledCount = new(0);

    public BufferPipe(int bufferCount, int bufferSize)
    {
        _buffers = new byte[bufferCount][];
        for (var i = 0; i < bufferCount; i++)
        {
            _buffers[i] = new byte[bufferSize];
        }

        Reset();
    }

    /// <summary>Makes every buffer free and nothing filled, for the next response. Only while neither task runs.</summary>
    public void Reset()
    {
        _freeCount.Dispose();
        _filledCount.Dispose();
        _free = new ConcurrentQueue<byte[]>(_buffers);
        _filled = new ConcurrentQueue<(byte[] Buffer, long Offset, int Count)>();
        _freeCount = new SemaphoreSlim(_buffers.Length);
        _filledCount = new SemaphoreSlim(0);
    }

    /// <summary>The reader: a free buffer, waiting while the writer is behind.</summary>
    public async Task<byte[]> RentAsync(CancellationToken cancellationToken)
    {
        await _freeCount.WaitAsync(cancellationToken).ConfigureAwait(false);
        _free.TryDequeue(out var buffer);
        return buffer!;
    }

    /// <summary>The reader: <paramref name="count"/> bytes of <paramref name="buffer"/> belong at file offset <paramref name="offset"/>.</summary>
    public void Publish(byte[] buffer, long offset, int count)
    {
        _filled.Enqueue((buffer, offset, count));
        _filledCount.Release();
    }

    /// <summary>The reader: nothing more comes; the writer finishes what is queued, then stops.</summary>
    public void Complete() => _filledCount.Release();

    /// <summary>The writer: the next filled buffer, or null once the reader completed and everything queued was taken.</summary>
    public async Task<(byte[] Buffer, long Offset, int Count)?> TakeAsync(CancellationToken cancellationToken)
    {
        await _filledCount.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _filled.TryDequeue(out var chunk) ? chunk : null;
    }

    /// <summary>A buffer written (the writer) or not used (the reader) is free again.</summary>
    public void Return(byte[] buffer)
    {
        _free.Enqueue(buffer);
        _freeCount.Release();
    }

    public void Dispose()
    {
        _freeCount.Dispose();
        _filledCount.Dispose();
    }
}
