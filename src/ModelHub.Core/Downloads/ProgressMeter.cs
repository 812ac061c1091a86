using System;
using System.Collections.Generic;

namespace ModelHub.Downloads;

/// <summary>
/// Turns the bytes written by all connections into <see cref="DownloadProgress"/> reports a few times a second,
/// with the rate over the last few seconds and the time left at that rate.
/// </summary>
internal sealed class ProgressMeter
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(3);

    private readonly object _gate = new();
    private readonly IProgress<DownloadProgress>? _sink;
    private readonly TimeProvider _time;
    private readonly Queue<(long Stamp, long Bytes)> _samples = new();
    private long _bytesDone;
    private long? _total;
    private long _lastReport;

    public ProgressMeter(IProgress<DownloadProgress>? sink, TimeProvider time)
    {
        _sink = sink;
        _time = time;
        _lastReport = time.GetTimestamp();
        _samples.Enqueue((_lastReport, 0));
    }

    /// <summary>Where the download stands: bytes already in the staging file (a resumed start, or zero after a restart) and the size.</summary>
    public void Start(long bytesDone, long? total)
    {
        lock (_gate)
        {
            _bytesDone = bytesDone;
            _total = total;
            _samples.Clear();
            _samples.Enqueue((_time.GetTimestamp(), bytesDone));
        }
    }

    public void SetTotal(long total)
    {
        lock (_gate)
        {
            _total = total;
        }
    }

    /// <summary>Counts bytes written; reports when the last report is old enough.</summary>
    public void Add(int bytes)
    {
        if (_sink is null)
        {
            return;
        }

        DownloadProgress? due = null;
        lock (_gate)
        {
            _bytesDone += bytes;
            var now = _time.GetTimestamp();
            if (_time.GetElapsedTime(_lastReport, now) >= Interval)
            {
                _lastReport = now;
                due = Measure(now);
            }
        }

        if (due is { } report)
        {
            _sink.Report(report);
        }
    }

    /// <summary>The last report, once the file is complete.</summary>
    public void Finish()
    {
        if (_sink is null)
        {
            return;
        }

        DownloadProgress report;
        lock (_gate)
        {
            report = Measure(_time.GetTimestamp());
        }

        _sink.Report(new DownloadProgress(report.BytesDone, report.BytesDone, report.BytesPerSecond, TimeSpan.Zero));
    }

    private DownloadProgress Measure(long now)
    {
        _samples.Enqueue((now, _bytesDone));
        while (_samples.Count > 2 && _time.GetElapsedTime(_samples.Peek().Stamp, now) > RateWindow)
        {
            _samples.Dequeue();
        }

        var (stamp, bytes) = _samples.Peek();
        var seconds = _time.GetElapsedTime(stamp, now).TotalSeconds;
        var rate = seconds > 0 ? (_bytesDone - bytes) / seconds : 0;
        TimeSpan? remaining = _total is { } total && rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - _bytesDone) / rate) : null;
        return new DownloadProgress(_bytesDone, _total, rate, remaining);
    }
}
