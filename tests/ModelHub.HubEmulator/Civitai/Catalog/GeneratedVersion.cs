using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>A generated model version with everything its JSON shows.</summary>
internal sealed class GeneratedVersion : CatalogVersion
{
    /// <summary>Position in the model's version list, 0 for the newest.</summary>
    public required int Index { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public string? BaseModelType { get; init; }

    public required IReadOnlyList<string> TrainedWords { get; init; }

    public string? Description { get; init; }

    /// <summary>The OR of its images' levels (0 when it has none).</summary>
    public required int NsfwLevel { get; init; }

    public required long Downloads { get; init; }

    public required long ThumbsUp { get; init; }

    public required long ThumbsDown { get; init; }

    /// <summary>The 2023 star rating (legacy shape only).</summary>
    public required double Rating { get; init; }

    public required long RatingCount { get; init; }

    public required IReadOnlyList<GeneratedImage> Images { get; init; }

    public required string UploadType { get; init; }

    public required string Air { get; init; }

    /// <summary>The generated model this version belongs to.</summary>
    public GeneratedModel Owner => (GeneratedModel)Model!;

    public string Availability => Access.EarlyAccessDeadline is null ? "Public" : "EarlyAccess";

    public override JsonObject Render(RenderContext context) => ModelShapes.For(Owner.Era).Version(this, context);
}
