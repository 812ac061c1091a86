using System;
using System.Collections.Generic;

namespace ModelHub.Manifests;

/// <summary>
/// A workstation's models as one file (Export-HubModelManifest writes it, Sync-HubModel makes a machine match it):
/// one entry per model file, each pinned to a hub version and checked by SHA-256. docs/MANIFEST.md describes the
/// format and docs/manifest.schema.json its JSON form.
/// </summary>
public sealed class Manifest
{
    /// <summary>The format this version of ModelHub writes and the newest it reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Raised when a field changes meaning; a reader refuses a format newer than it knows.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The tool whose root the entries' paths are relative to.</summary>
    public Tool? Tool { get; init; }

    public IReadOnlyList<ManifestEntry> Files { get; init; } = Array.Empty<ManifestEntry>();
}

/// <summary>One model file of a manifest: where it comes from, what its bytes are, and where it goes.</summary>
public sealed class ManifestEntry
{
    public Hub Hub { get; init; }

    public string ModelId { get; init; } = string.Empty;

    /// <summary>Civitai version id, or the Hugging Face commit sha.</summary>
    public string VersionId { get; init; } = string.Empty;

    /// <summary>The model's name, for people reading the manifest.</summary>
    public string? Name { get; init; }

    /// <summary>The file's name on the hub (Civitai file name; Hugging Face path in the repository).</summary>
    public string HubFileName { get; init; } = string.Empty;

    /// <summary>The installed file's name.</summary>
    public string FileName { get; init; } = string.Empty;

    /// <summary>Lowercase hex SHA-256 of the file.</summary>
    public string Sha256 { get; init; } = string.Empty;

    public long Size { get; init; }

    /// <summary>The tool whose root <see cref="Path"/> is relative to; null when it is the manifest's tool.</summary>
    public Tool? Tool { get; init; }

    public ModelType? Type { get; init; }

    public string? BaseModel { get; init; }

    /// <summary>
    /// The file's path relative to the tool root, with forward slashes; null to place it by <see cref="Type"/> as an
    /// install would (also when the manifest is synced into another tool than <see cref="Tool"/>).
    /// </summary>
    public string? Path { get; init; }

    /// <summary>Recorded as pinned where it is installed: update checks leave it alone.</summary>
    public bool Pinned { get; init; }

    public override string ToString() => Path ?? FileName;
}
