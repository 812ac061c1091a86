using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>What a model may not do (one kind per model, a documented minority).</summary>
internal enum ModelRestriction
{
    None,
    LoginRequired,
    EarlyAccess,
    DownloadsDisabled,
    Archived,
}

/// <summary>
/// The decisions taken about a model before it is generated: where it sits in the listings and what it restricts.
/// Everything else follows from <see cref="Stream"/>.
/// </summary>
internal sealed record ModelPlan
{
    public required ModelIds Ids { get; init; }

    /// <summary>The random stream the model draws from.</summary>
    public required long Stream { get; init; }

    public required string Type { get; init; }

    public WireEra Era { get; init; } = WireEra.Modern;

    public ModelRestriction Restriction { get; init; }

    public bool Poi { get; init; }

    /// <summary>The model's NSFW flags (the OR of its images').</summary>
    public int NsfwLevel { get; init; } = BrowsingLevel.PG;

    /// <summary>Thumbs-up count range: what "Highest Rated" sorts by.</summary>
    public required (long Min, long Max) ThumbsUp { get; init; }

    public string? Name { get; init; }

    public string? BaseModel { get; init; }

    public int? VersionCount { get; init; }

    /// <summary>The primary file's size, when fixed (the benchmark and oversized checkpoints).</summary>
    public long? PrimaryFileSize { get; init; }

    /// <summary>The primary file's hashes when declared rather than computed (the oversized checkpoint).</summary>
    public FileHashes? PrimaryFileHashes { get; init; }

    /// <summary>Whether default listings (PG) show it and it is neither restricted nor NSFW: what their first pages may hold.</summary>
    public bool IsNewcomerSafe => Restriction == ModelRestriction.None && !Poi && !BrowsingLevel.IsNsfw(NsfwLevel);
}
