using System;
using System.Collections.Generic;

namespace ModelHub;

/// <summary>
/// A model's card, in one shape for both hubs (PSTypeName ModelHub.ModelCard): a Hugging Face README
/// (front matter as Metadata, the body as Markdown) or a Civitai model and version description.
/// </summary>
public sealed class ModelCard
{
    public Hub Hub { get; init; }

    public string Id { get; init; } = string.Empty;

    /// <summary>Civitai version id, or the Hugging Face commit the README was read at.</summary>
    public string? VersionId { get; init; }

    public string Title { get; init; } = string.Empty;

    public string? License { get; init; }

    /// <summary>The base model family's display name.</summary>
    public string BaseModel { get; init; } = BaseModels.Unknown;

    /// <summary>Civitai trained words; Hugging Face instance_prompt, kept exactly.</summary>
    public IReadOnlyList<string> TrainedWords { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Everything else the card says, with its types kept: the Hugging Face front matter (every key,
    /// unknown ones included), or Civitai's permissions, stats, creator and early-access state. The core
    /// gives plain values (strings, booleans, numbers, lists, ordered key-value lists); the PowerShell
    /// layer turns the nested ones into PSObjects.
    /// </summary>
    public object? Metadata { get; set; }

    /// <summary>The card's text as Markdown (Civitai's HTML converted; Hugging Face's README without its front matter).</summary>
    public string Markdown { get; init; } = string.Empty;

    /// <summary>The card as plain text for the console: links read as their text.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The hub's original text: the README, or the description HTML.</summary>
    public string Raw { get; init; } = string.Empty;

    public Uri? Url { get; init; }

    /// <summary>Problems met while reading the card (no README, broken front matter), shown as warnings.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    public override string ToString() => Title;
}
