using System;
using System.Collections.Generic;

namespace ModelHub.Images;

/// <summary>The settings that produced an image, as <see cref="GenerationMetaReader"/> finds them in its metadata.</summary>
internal sealed class GenerationParameters
{
    public static GenerationParameters None { get; } = new();

    public string? Prompt { get; init; }

    public string? NegativePrompt { get; init; }

    public ulong? Seed { get; init; }

    public int? Steps { get; init; }

    public string? Sampler { get; init; }

    public double? CfgScale { get; init; }

    public string? Model { get; init; }

    public IReadOnlyList<ImageResource> Resources { get; init; } = Array.Empty<ImageResource>();

    /// <summary>The whole metadata as plain values (<see cref="PlainJson"/>).</summary>
    public object? Meta { get; init; }
}
