using System;
using System.Collections.Generic;

namespace ModelHub;

/// <summary>
/// A version of a model (PSTypeName ModelHub.ModelVersion): a Civitai model version, or a Hugging Face commit.
/// </summary>
public sealed class ModelVersion
{
    public Hub Hub { get; init; }

    public string ModelId { get; init; } = string.Empty;

    /// <summary>Civitai version id, or the Hugging Face commit sha.</summary>
    public string VersionId { get; init; } = string.Empty;

    /// <summary>Civitai's version name, or the commit title.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The base model family's display name (SD 1.5, SDXL, Flux.1, …, Unknown).</summary>
    public string BaseModel { get; init; } = BaseModels.Unknown;

    /// <summary>The hub's own base model value.</summary>
    public string? BaseModelRaw { get; init; }

    /// <summary>Civitai's trained words; Hugging Face's instance_prompt.</summary>
    public IReadOnlyList<string> TrainedWords { get; init; } = Array.Empty<string>();

    public DateTimeOffset? PublishedAt { get; init; }

    public DateTimeOffset? EarlyAccessEndsAt { get; init; }

    /// <summary>The version's files; empty when they were not fetched (Get-HubModelFile fetches them).</summary>
    public IReadOnlyList<ModelFile> Files { get; init; } = Array.Empty<ModelFile>();

    public Uri? Url { get; init; }

    /// <summary>The AI Resource Name, urn:air:{ecosystem}:{type}:{source}:{id}@{version}.</summary>
    public string? Air { get; init; }

    public override string ToString() => Name;
}
