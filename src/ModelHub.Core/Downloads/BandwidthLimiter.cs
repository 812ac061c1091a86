using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModelHub.Downloads;

/// <summary>
/// A token bucket shared by all connections of a download: each pays for the bytes it read and, once the
/// bucket is in debt, waits until the debt is repaid at the allowed rate. A short burst is allowed.
/// </summary>
internal sealed class BandwidthLimiter
{
    private static readonly TimeSpan Burst = TimeSpan.FromMilliseconds(250);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly double _bytesPerSecond;
    private readonly double _capacity;
    private double _tokens;
    private long _stamp;

    public BandwidthLimiter(long bytesPerSecond, TimeProvider time)
    {
        _time = time;
        _bytesPerSecond = bytesPerSecond;
        _capacity = bytesPerSecond * Burst.TotalSeconds;
        _stamp = time.GetTimestamp();
    }

    /// <summary>The largest read worth making at once: a tenth of a second's allowance, so waits stay short and even.</summary>
    public int ReadSize => (int)Math.Max(4096, Math.Min(1 << 20, _bytesPerSecond / 10));

    /// <summary>Pays for <paramref name="bytes"/> just read, waiting as long as the rate requires.</summary>
    public Task PayAsync(int bytes, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_stamp, now).TotalSeconds * _bytesPerSecond));
            _stamp = now;
            _tokens -= bytes;
            wait = _tokens < 0 ? TimeSpan.FromSeconds(-_tokens / _bytesPerSecond) : TimeSpan.Zero;
        }

        return wait > TimeSpan.Zero ? _time.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
