using System;
using System.Collections.Generic;

namespace ModelHub;

/// <summary>A model from either hub, in one shape (PSTypeName ModelHub.Model).</summary>
public sealed class Model
{
    public Hub Hub { get; init; }

    /// <summary>Civitai's model id ("4201"), or the Hugging Face repo id ("org/name").</summary>
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public ModelType Type { get; init; }

    /// <summary>The base model family's display name (the latest version's); Unknown when it cannot be told.</summary>
    public string BaseModel { get; init; } = BaseModels.Unknown;

    /// <summary>The hub's own base model value.</summary>
    public string? BaseModelRaw { get; init; }

    public string? Author { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    /// <summary>Civitai: all-time downloads. Hugging Face: downloads in the last 30 days.</summary>
    public long? Downloads { get; init; }

    public long? Likes { get; init; }

    /// <summary>Civitai's rating (0–5), where the hub still reports one.</summary>
    public double? Rating { get; init; }

    public long? RatingCount { get; init; }

    public bool Nsfw { get; init; }

    /// <summary>Civitai's NSFW bitmask (1 PG, 2 PG-13, 4 R, 8 X, 16 XXX).</summary>
    public int? NsfwLevel { get; init; }

    /// <summary>Civitai: the model depicts a real person.</summary>
    public bool Poi { get; init; }

    /// <summary>Hugging Face's license, or a summary of Civitai's usage permissions.</summary>
    public string? License { get; init; }

    /// <summary>Civitai's commercial-use permissions (None, Image, RentCivit, Rent, Sell).</summary>
    public IReadOnlyList<string> CommercialUse { get; init; } = Array.Empty<string>();

    public bool? AllowNoCredit { get; init; }

    public bool? AllowDerivatives { get; init; }

    public bool? AllowDifferentLicense { get; init; }

    /// <summary>Whether downloads need approval (Hugging Face gated repos) or an account (Civitai login-required).</summary>
    public bool Gated { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The model's web page on the hub.</summary>
    public Uri? Url { get; init; }

    /// <summary>The AI Resource Name of the latest version.</summary>
    public string? Air { get; init; }

    public ModelVersion? LatestVersion { get; init; }

    /// <summary>The versions, when fetched (Get-HubModel fetches them all; searches carry what the hub lists).</summary>
    public IReadOnlyList<ModelVersion> Versions { get; init; } = Array.Empty<ModelVersion>();

    /// <summary>
    /// The hub's own object for anything not mapped. The core sets the JSON text; the PowerShell layer
    /// replaces it with a PSObject before writing the model.
    /// </summary>
    public object? Raw { get; set; }

    public override string ToString() => $"{Hub}:{Id}";
}
