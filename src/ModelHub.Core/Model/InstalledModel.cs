using System;

namespace ModelHub;

/// <summary>How an installed file was identified, cheapest first.</summary>
public enum Identification
{
    /// <summary>ModelHub's own &lt;name&gt;.modelhub.json record.</summary>
    ModelHubRecord,

    /// <summary>Civitai Helper's &lt;name&gt;.civitai.info.</summary>
    CivitaiInfo,

    /// <summary>A1111's user-metadata &lt;name&gt;.json (modelId, modelVersionId, sha256).</summary>
    A1111Metadata,

    /// <summary>StabilityMatrix's &lt;name&gt;.cm-info.json.</summary>
    StabilityMatrix,

    /// <summary>The Hugging Face cache layout (refs, snapshots, blobs).</summary>
    HuggingFaceCache,

    /// <summary>huggingface_hub's --local-dir metadata (.cache/huggingface/download/*.metadata).</summary>
    HuggingFaceLocalDir,

    /// <summary>The file's SHA-256, looked up on Civitai.</summary>
    HashLookup,

    /// <summary>Not on any hub; type and base model read from the safetensors header.</summary>
    SafetensorsHeader,

    /// <summary>Nothing known beyond the file itself.</summary>
    Unidentified,
}

/// <summary>A model file (or diffusers folder) found on this machine (PSTypeName ModelHub.InstalledModel).</summary>
public sealed class InstalledModel
{
    /// <summary>The hub it came from; null when no hub knows it.</summary>
    public Hub? Hub { get; init; }

    /// <summary>The model id on that hub (pipes into the hub cmdlets by property name).</summary>
    public string? Id { get; init; }

    /// <summary>Civitai version id, or the Hugging Face commit sha.</summary>
    public string? VersionId { get; init; }

    /// <summary>The model's name on the hub (or its safetensors header's modelspec.title), else the file name without extension.</summary>
    public string Name { get; init; } = string.Empty;

    public string? VersionName { get; init; }

    public ModelType? Type { get; init; }

    public string BaseModel { get; init; } = BaseModels.Unknown;

    /// <summary>The tool whose folder holds it; null for plain folders and the Hugging Face cache.</summary>
    public Tool? Tool { get; init; }

    /// <summary>The file, or the diffusers folder.</summary>
    public string Path { get; init; } = string.Empty;

    public bool IsFolder { get; init; }

    /// <summary>The file's name on the hub (Civitai name; Hugging Face path in the repository), when known.</summary>
    public string? HubFileName { get; init; }

    /// <summary>Bytes (a folder: all its files).</summary>
    public long Size { get; init; }

    /// <summary>Lowercase hex; null for a folder or when not hashed.</summary>
    public string? Sha256 { get; init; }

    public DateTimeOffset? InstalledAt { get; init; }

    public Identification IdentifiedBy { get; init; }

    /// <summary>Pinned with Set-HubModelPin: update checks leave it alone.</summary>
    public bool Pinned { get; init; }

    public override string ToString() => Path;
}
