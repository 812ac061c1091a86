using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

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

    /// <summary>Set by Set-HubModelPin: update checks leave this install alone.</summary>
    public bool Pinned { get; init; }

    /// <summary>For a diffusers folder: each file's path inside it, hash and size.</summary>
    public IReadOnlyList<InstallRecordFile>? Files { get; init; }

    /// <summary>
    /// The sidecars ModelHub itself wrote beside the install (not a user's file it merged into), each with its SHA-256 as
    /// written: Uninstall-HubModel removes those still unchanged and leaves every other file.
    /// </summary>
    public IReadOnlyList<InstallRecordSidecar>? Sidecars { get; init; }

    /// <summary>The record of an install: a single file's hash, or a folder's files each with theirs, and the sidecars written.</summary>
    internal static InstallRecord Of(InstalledItem item, IReadOnlyList<InstallRecordSidecar>? sidecars)
    {
        var single = item.IsFolder ? null : item.Files.FirstOrDefault();
        return new InstallRecord
        {
            Hub = item.Model.Hub,
            ModelId = item.Model.Id,
            VersionId = item.Version.VersionId,
            ModelName = item.Model.Name,
            VersionName = string.IsNullOrEmpty(item.Version.Name) ? null : item.Version.Name,
            Type = item.Model.Type,
            BaseModel = item.Version.BaseModel,
            TrainedWords = item.Version.TrainedWords,
            OriginalFileName = single is null ? string.Empty : HubName(single.File),
            FileName = Path.GetFileName(item.Path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)),
            Sha256 = single?.Sha256.ToLowerInvariant(),
            Size = item.Files.Sum(file => file.Size),
            Verified = item.Files.Count > 0 && item.Files.All(file => file.Verified),
            Air = item.Version.Air ?? item.Model.Air,
            Url = item.Model.Url ?? item.Version.Url,
            InstalledAt = item.InstalledAt,
            Tool = item.Tool,
            Rule = item.Rule,
            Pinned = item.Pinned,
            Files = item.IsFolder ? item.Files.Select(file => new InstallRecordFile { Path = PathInFolder(item.Path, file), Sha256 = file.Sha256.ToLowerInvariant(), Size = file.Size }).ToArray() : null,
            Sidecars = sidecars is { Count: > 0 } ? sidecars : null,
        };
    }

    private static string HubName(ModelFile file) => file.Path.Length > 0 ? file.Path : file.Name;

    /// <summary>A folder install's file as a path inside the folder, with forward slashes; its repository path if it lies elsewhere.</summary>
    private static string PathInFolder(string folder, InstalledFile file)
    {
        var prefix = folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return file.Path.StartsWith(prefix, StringComparison.Ordinal)
            ? file.Path.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/')
            : HubName(file.File);
    }
}

/// <summary>One file of a folder install.</summary>
public sealed class InstallRecordFile
{
    public string Path { get; init; } = string.Empty;

    public string Sha256 { get; init; } = string.Empty;

    public long Size { get; init; }
}

/// <summary>A sidecar ModelHub wrote: its file name (beside the install) and its SHA-256 when written.</summary>
public sealed class InstallRecordSidecar
{
    public string Name { get; init; } = string.Empty;

    public string Sha256 { get; init; } = string.Empty;
}
