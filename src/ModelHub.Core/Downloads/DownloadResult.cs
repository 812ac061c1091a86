using System;

namespace ModelHub.Downloads;

/// <summary>What a download did: where the file is, its hash, and how it got there.</summary>
public sealed class DownloadResult
{
    public string Path { get; init; } = string.Empty;

    public long Size { get; init; }

    /// <summary>Lowercase hex SHA-256 of the file, computed while it was written.</summary>
    public string Sha256 { get; init; } = string.Empty;

    /// <summary>True when a hub hash matched; false when the hub gave none (size only).</summary>
    public bool Verified { get; init; }

    /// <summary>True when earlier bytes (this process or an interrupted one) were kept.</summary>
    public bool Resumed { get; init; }

    /// <summary>True when the destination already held the right bytes: nothing was downloaded.</summary>
    public bool Skipped { get; init; }

    /// <summary>True when the bytes came from the shared download cache (linked or copied) rather than the network.</summary>
    public bool FromCache { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>Body bytes received from the network in this call (resumed bytes not counted).</summary>
    public long BytesDownloaded { get; init; }
}
