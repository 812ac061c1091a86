using System;
using System.Collections.Generic;

namespace ModelHub;

/// <summary>A newer published version of an installed model (PSTypeName ModelHub.ModelUpdate).</summary>
public sealed class ModelUpdate
{
    public Hub Hub { get; init; }

    /// <summary>The model id (pipes into Update-HubModel and the hub cmdlets).</summary>
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    /// <summary>Every installed copy of the model, across all roots scanned.</summary>
    public IReadOnlyList<InstalledModel> Installed { get; init; } = Array.Empty<InstalledModel>();

    /// <summary>The versions installed (Civitai version ids, or Hugging Face commits).</summary>
    public IReadOnlyList<string> InstalledVersionIds { get; init; } = Array.Empty<string>();

    /// <summary>The newer version (Civitai version id, or the tracked revision's current commit).</summary>
    public string VersionId { get; init; } = string.Empty;

    public string? VersionName { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public string BaseModel { get; init; } = BaseModels.Unknown;

    /// <summary>The installed version's base model, when it differs from the update's (a warning is written too).</summary>
    public string? InstalledBaseModel { get; init; }

    public bool BaseModelChanged => InstalledBaseModel is not null && InstalledBaseModel != BaseModel;

    public DateTimeOffset? EarlyAccessEndsAt { get; init; }

    /// <summary>The new version's files.</summary>
    public IReadOnlyList<ModelFile> Files { get; init; } = Array.Empty<ModelFile>();

    public Uri? Url { get; init; }
}
