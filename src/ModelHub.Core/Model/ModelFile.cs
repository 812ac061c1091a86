using System;

namespace ModelHub;

/// <summary>A file of a model version, from either hub (PSTypeName ModelHub.ModelFile).</summary>
public sealed class ModelFile
{
    public Hub Hub { get; init; }

    public string ModelId { get; init; } = string.Empty;

    /// <summary>Civitai version id, or the Hugging Face commit sha.</summary>
    public string VersionId { get; init; } = string.Empty;

    /// <summary>The file name (Civitai's download name; Hugging Face's last path segment).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The path in the repository (Hugging Face); the name on Civitai.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>Bytes; null when the hub does not say.</summary>
    public long? Size { get; init; }

    /// <summary>Model, Pruned Model, VAE, Config, Training Data, Text Encoder, …</summary>
    public string? Kind { get; init; }

    /// <summary>SafeTensor, PickleTensor, GGUF, Diffusers, Other, …</summary>
    public string? Format { get; init; }

    /// <summary>fp16, fp32, bf16, fp8, …</summary>
    public string? Precision { get; init; }

    /// <summary>full or pruned (Civitai).</summary>
    public string? Variant { get; init; }

    public bool Primary { get; init; }

    /// <summary>Lowercase hex: Civitai's SHA256, Hugging Face's LFS sha256.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The git blob id of a small (non-LFS) Hugging Face file.</summary>
    public string? GitBlobId { get; init; }

    public string? AutoV1 { get; init; }

    public string? AutoV2 { get; init; }

    public string? AutoV3 { get; init; }

    public string? Blake3 { get; init; }

    public string? Crc32 { get; init; }

    public Uri? DownloadUrl { get; init; }

    /// <summary>Civitai's pickle scan result: Pending, Success, Danger, Error.</summary>
    public string? PickleScan { get; init; }

    public string? PickleScanMessage { get; init; }

    /// <summary>Civitai's virus scan result.</summary>
    public string? VirusScan { get; init; }

    public override string ToString() => Path.Length > 0 ? Path : Name;
}
