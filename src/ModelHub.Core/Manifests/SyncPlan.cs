using System;
using System.Collections.Generic;
using ModelHub.Errors;

namespace ModelHub.Manifests;

/// <summary>What Sync-HubModel is asked to do.</summary>
public sealed class SyncRequest
{
    public Manifest Manifest { get; init; } = new();

    /// <summary>The manifest's file, for messages and the summary.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The tool to sync; null for the stored default, else the manifest's.</summary>
    public Tool? Tool { get; init; }

    /// <summary>The tool's folder; null for the stored default (when the tool is the stored one).</summary>
    public string? ToolRoot { get; init; }

    /// <summary>Remove ModelHub-installed files the manifest does not list.</summary>
    public bool Prune { get; init; }

    /// <summary>Replace files that differ from the manifest even when ModelHub did not install them as another version.</summary>
    public bool Force { get; init; }

    /// <summary>The shared download cache; null for MODELHUB_CACHE (or none).</summary>
    public string? CachePath { get; init; }

    /// <summary>Allow pickle formats the manifest lists.</summary>
    public bool AllowPickle { get; init; }

    /// <summary>How many files install at once.</summary>
    public int ThrottleLimit { get; init; } = 1;
}

/// <summary>One thing a sync found or will do: a manifest entry's file, or a ModelHub-installed file the manifest does not list.</summary>
public sealed class SyncStep
{
    /// <summary>What the step does (Installed, Updated, Pruned), or what was found (Verified, Drifted, Failed).</summary>
    public SyncAction Action { get; init; }

    /// <summary>The manifest's entry; null for a file the manifest does not list.</summary>
    public ManifestEntry? Entry { get; init; }

    /// <summary>The file on this machine.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The install record beside the file, when there is one.</summary>
    public Installs.InstallRecord? Record { get; init; }

    public string? Detail { get; init; }

    /// <summary>Why the step failed while it was planned (an entry refused, a placement impossible).</summary>
    public ModelHubException? Error { get; init; }

    /// <summary>A verified file whose record is to be marked pinned, as its manifest entry is.</summary>
    public bool PinsRecord { get; init; }

    /// <summary>True when carrying the step out writes or removes files (what -WhatIf and -Confirm ask about).</summary>
    public bool ChangesFiles => Action is SyncAction.Installed or SyncAction.Updated or SyncAction.Pruned || PinsRecord;

    public Hub? Hub => Entry?.Hub ?? Record?.Hub;

    public string? Id => Entry?.ModelId ?? Record?.ModelId;

    public string? VersionId => Entry?.VersionId ?? Record?.VersionId;

    public SyncItem ToItem(SyncAction action, string? detail) => new()
    {
        Action = action,
        Hub = Hub,
        Id = Id,
        VersionId = VersionId,
        Path = Path,
        Detail = detail,
    };
}

/// <summary>A sync's plan: every step, in manifest order, then the files the manifest does not list.</summary>
public sealed class SyncPlan
{
    public Tool Tool { get; init; }

    public string ToolRoot { get; init; } = string.Empty;

    public IReadOnlyList<SyncStep> Steps { get; init; } = Array.Empty<SyncStep>();

    /// <summary>What the user should know about the check itself (the local hash cache unreadable or not saved).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
}

/// <summary>What a sync reports while it runs: each step's outcome as it comes (with its error when it failed), plus the installs' own reports.</summary>
public interface ISyncObserver
{
    /// <summary>A download's progress.</summary>
    void Progress(Installs.PlannedFile file, Downloads.DownloadProgress progress);

    /// <summary>Something the user should know (a sidecar not written, a companion file missing).</summary>
    void Warning(string text);

    /// <summary>A step's outcome; <paramref name="error"/> says why when it failed.</summary>
    void Done(SyncItem item, ModelHubException? error);
}
