using System;
using System.Collections.Generic;

namespace ModelHub.Installs;

/// <summary>One file of a plan: what it is, where it goes and why.</summary>
public sealed class PlannedFile
{
    public ModelFile File { get; init; } = null!;

    /// <summary>The installed name relative to the placement folder (a diffusers file: "&lt;repo&gt;/&lt;path&gt;").</summary>
    public string InstallName { get; init; } = string.Empty;

    public string DestinationPath { get; init; } = string.Empty;

    public long? Size => File.Size;
}

/// <summary>What installing one model version will do, decided before anything is written (what -WhatIf shows).</summary>
public sealed class InstallPlan
{
    public Model Model { get; init; } = null!;

    public ModelVersion Version { get; init; } = null!;

    public Placement Placement { get; init; } = null!;

    /// <summary>The tool it is placed for; null for a plain folder.</summary>
    public Tool? Tool { get; init; }

    /// <summary>The diffusers folder the files form, or null when each file stands alone.</summary>
    public string? Folder { get; init; }

    public IReadOnlyList<PlannedFile> Files { get; init; } = Array.Empty<PlannedFile>();

    /// <summary>Things the user should know before installing (missing companion files, …).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
}
