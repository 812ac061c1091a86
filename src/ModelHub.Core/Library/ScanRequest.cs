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
        : this(filesFound, filesDone, bytesToHash, bytesHashed, bytesHashed)
    {
    }

    public ScanProgress(int filesFound, int filesDone, long bytesToHash, long bytesHashed, long contentBytesRead)
    {
        FilesFound = filesFound;
        FilesDone = filesDone;
        BytesToHash = bytesToHash;
        BytesHashed = bytesHashed;
        ContentBytesRead = contentBytesRead;
    }

    public int FilesFound { get; }

    public int FilesDone { get; }

    public long BytesToHash { get; }

    public long BytesHashed { get; }

    /// <summary>
    /// Bytes of model files read so far (hashing and safetensors headers; sidecars, records and configs are not
    /// counted): a rescan of an unchanged library reads none.
    /// </summary>
    public long ContentBytesRead { get; }
}

/// <summary>Where a scan reports what goes wrong without stopping it.</summary>
public interface IScanObserver
{
    /// <summary>An installed model, as soon as it is identified.</summary>
    void Found(InstalledModel model);

    void Progress(ScanProgress progress);

    /// <summary>Something the user should know that left the scan's results less complete (a hub not reachable, a sidecar not written).</summary>
    void Warning(string text);

    /// <summary>A folder or file that could not be scanned; the scan goes on without it.</summary>
    void Failed(Errors.ModelHubException exception);
}
