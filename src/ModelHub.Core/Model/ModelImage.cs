using System;
using System.Collections.Generic;

namespace ModelHub;

/// <summary>A sample image of a model with the settings that produced it (PSTypeName ModelHub.ModelImage).</summary>
public sealed class ModelImage
{
    public Hub Hub { get; init; }

    public string ModelId { get; init; } = string.Empty;

    public string? VersionId { get; init; }

    /// <summary>The hub's image id (Civitai), when it has one. Not "Id": images pipe into model cmdlets by ModelId.</summary>
    public string? ImageId { get; init; }

    public Uri Url { get; init; } = null!;

    public int? Width { get; init; }

    public int? Height { get; init; }

    /// <summary>Civitai's level: None, Soft, Mature, X (from the string or the bitmask); null when the hub does not rate images.</summary>
    public string? NsfwLevel { get; init; }

    public bool Nsfw { get; init; }

    public string? Prompt { get; init; }

    public string? NegativePrompt { get; init; }

    /// <summary>Kept exactly: ComfyUI seeds reach 2^64-1.</summary>
    public ulong? Seed { get; init; }

    public int? Steps { get; init; }

    public string? Sampler { get; init; }

    public double? CfgScale { get; init; }

    /// <summary>The checkpoint the image was made with, as the metadata names it.</summary>
    public string? Model { get; init; }

    /// <summary>The other models used (LoRAs, embeddings, …).</summary>
    public IReadOnlyList<ImageResource> Resources { get; init; } = Array.Empty<ImageResource>();

    /// <summary>The raw generation metadata, whatever its key spelling (plain values; PSObjects in PowerShell).</summary>
    public object? Meta { get; set; }

    public override string ToString() => Url.ToString();
}

/// <summary>A model an image was made with, as its generation metadata names it.</summary>
public sealed class ImageResource
{
    public string? Name { get; init; }

    /// <summary>checkpoint, lora, embed, …</summary>
    public string? Type { get; init; }

    public string? Hash { get; init; }

    public double? Weight { get; init; }

    public string? ModelVersionId { get; init; }

    public override string ToString() => Name ?? ModelVersionId ?? string.Empty;
}
