using System;
using System.Collections.Generic;

namespace ModelHub.Library;

/// <summary>A folder to scan: a tool's root (its layout, extra_model_paths.yaml included) or a plain folder (Tool null).</summary>
public sealed record ScanRoot(string Path, Tool? Tool);

/// <summary>What Get-InstalledHubModel scans and how.</summary>
public sealed class ScanRequest
{
    public IReadOnlyList<ScanRoot> Roots { get; init; } = Array.Empty<ScanRoot>();

    /// <summary>Also list the Hugging Face cache (HF_HUB_CACHE) as a source.</summary>
    public bool IncludeHuggingFaceCache { get; init; }

    /// <summary>A wildcard over the model's name or file name; null for all.</summary>
    public string? Name { get; init; }

    /// <summary>Ask the hubs again about files remembered as unknown.</summary>
    public bool Refresh { get; init; }

    /// <summary>Write the missing .modelhub.json / .civitai.info / preview for identified files (never over a user's file).</summary>
    public bool WriteSidecars { get; init; }
}

/// <summary>A scan's progress: files found, and bytes hashed of those that need hashing.</summary>
public readonly struct ScanProgress
{
    public ScanProgress(int filesFound, int filesDone, long bytesToHash, long bytesHashed)
    {
        FilesFound = filesFound;
        FilesDone = filesDone;
        BytesToHash = bytesToHash;
        BytesHashed = bytesHashed;
    }

    public int FilesFound { get; }

    public int FilesDone { get; }

    public long BytesToHash { get; }

    public long BytesHashed { get; }
}
