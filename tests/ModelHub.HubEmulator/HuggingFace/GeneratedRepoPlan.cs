using System;
using System.Collections.Generic;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>The three layouts of generated repositories.</summary>
internal enum GeneratedKind
{
    /// <summary>A diffusers pipeline: model_index.json and unet/, vae/, text_encoder/, tokenizer/, scheduler/.</summary>
    Pipeline,

    /// <summary>A single-file checkpoint: one root .safetensors, maybe a .ckpt and a pruned fp16 copy.</summary>
    Checkpoint,

    /// <summary>A LoRA: pytorch_lora_weights.safetensors or a named .safetensors, with sample images.</summary>
    Lora,
}

/// <summary>Everything decided about a generated repository before its files exist (cheap, so listings start fast).</summary>
internal sealed record GeneratedRepoPlan
{
    public required string Id { get; init; }

    public required string ObjectId { get; init; }

    public required GeneratedKind Kind { get; init; }

    public required BaseModel Base { get; init; }

    /// <summary>A second base: the card's base_model is then a list (a merge, or a LoRA for two bases).</summary>
    public BaseModel? SecondBase { get; init; }

    /// <summary>Whether the card names base_model at all (pipelines that are base models themselves do not).</summary>
    public bool HasBaseModel { get; init; } = true;

    public required string License { get; init; }

    /// <summary>Tagged not-for-all-audiences.</summary>
    public bool Nsfw { get; init; }

    public bool Private { get; init; }

    public string? Gated { get; init; }

    public bool Disabled { get; init; }

    /// <summary>LoRA weights under the diffusers default name rather than a named file.</summary>
    public bool DefaultLoraName { get; init; }

    /// <summary>Fixed size of the main weights file (the benchmark and oversized files); null: drawn from the usual ranges.</summary>
    public long? PrimaryWeightsSize { get; init; }

    /// <summary>The main weights' hashes when declared rather than computed (the oversized file).</summary>
    public FileHashes? PrimaryWeightsHashes { get; init; }

    /// <summary>Main weights drawn from the "a few 16–32 MiB" range.</summary>
    public bool LargeWeights { get; init; }

    /// <summary>Main branch commits: initial, upload, README update, then maybe a weights update.</summary>
    public required IReadOnlyList<DateTimeOffset> CommitDates { get; init; }

    public bool DevBranch { get; init; }

    public bool PullRequest { get; init; }

    public required long Downloads { get; init; }

    public required long Likes { get; init; }

    public required int TrendingScore { get; init; }

    /// <summary>The recorded inferenceProviderMapping and such, for repos known only by a recorded expand response.</summary>
    public System.Text.Json.Nodes.JsonObject? RecordedExpansions { get; init; }

    public DateTimeOffset CreatedAt => CommitDates[0];

    public DateTimeOffset LastModified => CommitDates[^1];

    public bool WeightsUpdate => CommitDates.Count > 3;

    public string Name => Id[(Id.IndexOf('/') + 1)..];
}
