using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// One model repository: what listings need, known at once, and its history, built on first use (its files are
/// then registered for the CDN).
/// </summary>
internal sealed class HfRepo
{
    private readonly Lazy<HfRepoContent> _content;

    public HfRepo(Func<HfRepoContent> build, FileRegistry files)
    {
        _content = new Lazy<HfRepoContent>(
            () =>
            {
                var content = build();
                foreach (var file in content.AllFileVersions())
                {
                    files.Add(file.Spec);
                }

                return content;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>"owner/name".</summary>
    public required string Id { get; init; }

    /// <summary>The 24-hex _id.</summary>
    public required string ObjectId { get; init; }

    public string Author => Id.Contains('/') ? Id[..Id.IndexOf('/')] : Id;

    public bool Private { get; init; }

    /// <summary>null (not gated), "auto" or "manual".</summary>
    public string? Gated { get; init; }

    public bool Disabled { get; init; }

    public required long Downloads { get; init; }

    public required long DownloadsAllTime { get; init; }

    public required long Likes { get; init; }

    public required int TrendingScore { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    public string? PipelineTag { get; init; }

    public string? LibraryName { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>The recorded model info (URLs rewritten), served as it is at the recorded commit; null for generated repos.</summary>
    public JsonObject? Recorded { get; init; }

    /// <summary>Properties only `expand` shows that were recorded for this repo (e.g. inferenceProviderMapping).</summary>
    public JsonObject? RecordedExpansions { get; init; }

    public HfRepoContent Content => _content.Value;
}
