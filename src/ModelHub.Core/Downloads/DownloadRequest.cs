using System;
using ModelHub.Discovery;

namespace ModelHub.Downloads;

/// <summary>One file to download, verify and move into place.</summary>
public sealed record DownloadRequest
{
    public Hub Hub { get; init; }

    /// <summary>The hub's download address (it redirects to the CDN); asked again whenever a signed CDN address has expired.</summary>
    public Uri Url { get; init; } = null!;

    /// <summary>What the file is, for messages ("civitai:4201@5678 name.safetensors").</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>Where the verified file ends up. Its folder is created when missing.</summary>
    public string DestinationPath { get; init; } = string.Empty;

    /// <summary>The size the hub gives; checked before the move and used for the disk-space check.</summary>
    public long? ExpectedSize { get; init; }

    /// <summary>Lowercase hex SHA-256 the hub gives (Civitai SHA256, Hugging Face LFS sha256).</summary>
    public string? ExpectedSha256 { get; init; }

    /// <summary>The git blob id of a small Hugging Face file (sha1 of "blob {size}\0" + content).</summary>
    public string? ExpectedGitBlobSha1 { get; init; }

    /// <summary>Connections for one file; null chooses by size.</summary>
    public int? MaxConnections { get; init; }

    /// <summary>A bandwidth cap for this file, all connections together; null for none.</summary>
    public long? MaxBytesPerSecond { get; init; }

    /// <summary>
    /// The shared download cache folder; null for none. Used only with <see cref="ExpectedSha256"/>, its key: the file is
    /// downloaded into the cache (once, whoever else wants it at the same time), then linked or copied into place.
    /// </summary>
    public string? CachePath { get; init; }

    /// <summary>Download again even when the destination already holds the right bytes.</summary>
    public bool Force { get; init; }

    public HubCallOptions Options { get; init; } = HubCallOptions.Default;
}
