using System;
using System.Collections.Generic;

namespace ModelHub.Installs;

/// <summary>One verified file in its final place.</summary>
public sealed class InstalledFile
{
    public ModelFile File { get; init; } = null!;

    /// <summary>Absolute path of the installed file.</summary>
    public string Path { get; init; } = string.Empty;

    public string Sha256 { get; init; } = string.Empty;

    public long Size { get; init; }

    public bool Verified { get; init; }
}

/// <summary>What was installed for one model version: a single file, or a diffusers folder of files. Sidecars and the record are written from it.</summary>
public sealed class InstalledItem
{
    public Model Model { get; init; } = null!;

    public ModelVersion Version { get; init; } = null!;

    /// <summary>The installed file, or the diffusers folder.</summary>
    public string Path { get; init; } = string.Empty;

    public bool IsFolder { get; init; }

    public IReadOnlyList<InstalledFile> Files { get; init; } = Array.Empty<InstalledFile>();

    /// <summary>The tool it was placed for; null for -Path installs.</summary>
    public Tool? Tool { get; init; }

    /// <summary>The placement rule in words.</summary>
    public string Rule { get; init; } = string.Empty;

    public DateTimeOffset InstalledAt { get; init; }

    /// <summary>Recorded as pinned: update checks leave it alone.</summary>
    public bool Pinned { get; init; }
}
