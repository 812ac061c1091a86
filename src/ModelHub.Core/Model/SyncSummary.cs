using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelHub;

/// <summary>What Sync-HubModel did (or, with -WhatIf, would do) for one manifest entry.</summary>
public enum SyncAction
{
    /// <summary>Missing: installed.</summary>
    Installed,

    /// <summary>Present and verified by hash: nothing to do.</summary>
    Verified,

    /// <summary>Another version was there: replaced by the manifest's.</summary>
    Updated,

    /// <summary>Different from the manifest (another version, a modified file, an extra file) and left as it is.</summary>
    Drifted,

    /// <summary>A ModelHub-installed file the manifest no longer lists, removed by -Prune.</summary>
    Pruned,

    /// <summary>Could not be made to match (the error says why).</summary>
    Failed,
}

/// <summary>One manifest entry's outcome (PSTypeName ModelHub.SyncItem).</summary>
public sealed class SyncItem
{
    public SyncAction Action { get; init; }

    public Hub? Hub { get; init; }

    public string? Id { get; init; }

    public string? VersionId { get; init; }

    /// <summary>The file on this machine.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>What was found or done, in words (the drift, the error).</summary>
    public string? Detail { get; init; }

    public override string ToString() => $"{Action} {Path}";
}

/// <summary>A sync's totals (PSTypeName ModelHub.SyncSummary).</summary>
public sealed class SyncSummary
{
    public string Manifest { get; init; } = string.Empty;

    public IReadOnlyList<SyncItem> Items { get; init; } = Array.Empty<SyncItem>();

    public int Installed => Count(SyncAction.Installed);

    public int Verified => Count(SyncAction.Verified);

    public int Updated => Count(SyncAction.Updated);

    public int Drifted => Count(SyncAction.Drifted);

    public int Pruned => Count(SyncAction.Pruned);

    public int Failed => Count(SyncAction.Failed);

    private int Count(SyncAction action) => Items.Count(item => item.Action == action);
}
