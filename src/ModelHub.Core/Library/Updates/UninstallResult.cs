using System;
using System.Collections.Generic;

namespace ModelHub;

/// <summary>What Uninstall-HubModel removed, or with -WhatIf would remove (PSTypeName ModelHub.UninstallResult).</summary>
public sealed class UninstallResult
{
    /// <summary>The model file, or the diffusers folder.</summary>
    public string Path { get; init; } = string.Empty;

    public bool IsFolder { get; init; }

    /// <summary>The model and the sidecars ModelHub wrote for it, record last.</summary>
    public IReadOnlyList<string> Removed { get; init; } = Array.Empty<string>();

    /// <summary>Sidecar files beside it that ModelHub did not write or that changed since (the user's), left in place.</summary>
    public IReadOnlyList<string> Kept { get; init; } = Array.Empty<string>();

    public override string ToString() => Path;
}
