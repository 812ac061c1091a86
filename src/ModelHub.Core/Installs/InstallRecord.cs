using System;
using System.Collections.Generic;

namespace ModelHub.Installs;

/// <summary>
/// Our record of an install, written as "&lt;name&gt;.modelhub.json" beside the file (or the diffusers folder) and
/// read by the local library: where the file came from, what it is, and how it was placed. Never holds a token
/// or a signed address.
/// </summary>
public sealed class InstallRecord
{
    /// <summary>The record format; raised when a field changes meaning.</summary>
    public int SchemaVersion { get; init; } = 1;

    public Hub Hub { get; init; }

    public string ModelId { get; init; } = string.Empty;

    /// <summary>Civitai version id, or the Hugging Face commit sha.</summary>
    public string VersionId { get; init; } = string.Empty;

    public string ModelName { get; init; } = string.Empty;

    public string? VersionName { get; init; }

    public ModelType Type { get; init; }

    public string BaseModel { get; init; } = BaseModels.Unknown;

    public IReadOnlyList<string> TrainedWords { get; init; } = Array.Empty<string>();

    /// <summary>The file's name on the hub (Civitai name; Hugging Face path in the repository).</summary>
    public string OriginalFileName { get; init; } = string.Empty;

    /// <summary>The installed file's (or folder's) name.</summary>
    public string FileName { get; init; } = string.Empty;

    /// <summary>Lowercase hex; for a folder, null (each file's hash is in Files).</summary>
    public string? Sha256 { get; init; }

    public long Size { get; init; }

    public bool Verified { get; init; }

    public string? Air { get; init; }

    /// <summary>The model's web page on the hub.</summary>
    public Uri? Url { get; init; }

    public DateTimeOffset InstalledAt { get; init; }

    public Tool? Tool { get; init; }

    public string Rule { get; init; } = string.Empty;

    /// <summary>For a diffusers folder: each file's path inside it, hash and size.</summary>
    public IReadOnlyList<InstallRecordFile>? Files { get; init; }
}

/// <summary>One file of a folder install.</summary>
public sealed class InstallRecordFile
{
    public string Path { get; init; } = string.Empty;

    public string Sha256 { get; init; } = string.Empty;

    public long Size { get; init; }
}
