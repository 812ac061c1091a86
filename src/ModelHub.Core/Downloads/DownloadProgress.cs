using System;

namespace ModelHub.Downloads;

/// <summary>A download's progress, reported a few times a second.</summary>
public readonly struct DownloadProgress
{
    public DownloadProgress(long bytesDone, long? totalBytes, double bytesPerSecond, TimeSpan? remaining)
    {
        BytesDone = bytesDone;
        TotalBytes = totalBytes;
        BytesPerSecond = bytesPerSecond;
        Remaining = remaining;
    }

    /// <summary>Bytes of the file in the staging file so far, resumed ones included.</summary>
    public long BytesDone { get; }

    public long? TotalBytes { get; }

    public double BytesPerSecond { get; }

    public TimeSpan? Remaining { get; }
}
