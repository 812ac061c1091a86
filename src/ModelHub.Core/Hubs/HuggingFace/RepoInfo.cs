using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// What ModelHub reads from a Hub model object (model info, a listing item, or an expand answer that holds only
/// _id, id and the keys asked for), with the type and base model family already decided from the mapping tables.
/// </summary>
internal sealed record RepoInfo
{
    /// <summary>
    /// The keys to ask for with expand (the Hub then sends only _id, id and these): those <see cref="Read"/> uses,
    /// plus private and trendingScore for Raw.
    /// </summary>
    public static IReadOnlyList<string> ExpandKeys { get; } = new[]
    {
        "author", "cardData", "config", "createdAt", "downloads", "gated", "lastModified", "library_name", "likes",
        "pipeline_tag", "private", "sha", "tags", "trendingScore",
    };

    private const string NsfwTag = "not-for-all-audiences";
    private const string BaseModelTag = "base_model:";
    private const string LicenseTag = "license:";
    private const string PipelineClassTag = "diffusers:";

    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string? Author { get; init; }

    /// <summary>The commit the answer describes (the default branch's head for model info).</summary>
    public string? Sha { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    public ModelType Type { get; init; }

    public string Family { get; init; } = BaseModels.Unknown;

    /// <summary>The first base model repo, or the diffusers pipeline class of a repo without one.</summary>
    public string? BaseModelRaw { get; init; }

    /// <summary>Downloads in the last 30 days.</summary>
    public long? Downloads { get; init; }

    public long? Likes { get; init; }

    public bool Nsfw { get; init; }

    public bool Gated { get; init; }

    public string? License { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The card's instance_prompt (a string or a list).</summary>
    public IReadOnlyList<string> TrainedWords { get; init; } = Array.Empty<string>();

    /// <summary>The object's JSON text.</summary>
    public string Raw { get; init; } = string.Empty;

    /// <summary>Reads a model object; throws <see cref="JsonException"/> when it has no id.</summary>
    public static RepoInfo Read(JsonElement model)
    {
        if (JsonValues.Text(model, "id") is not { Length: > 0 } id)
        {
            throw new JsonException("A model object has no id.");
        }

        var tags = JsonValues.Texts(model, "tags");
        var card = JsonValues.Member(model, "cardData");
        var pipelineClass = JsonValues.Text(JsonValues.Member(JsonValues.Member(model, "config"), "diffusers"), "_class_name")
            ?? TagValues(tags, PipelineClassTag).FirstOrDefault();
        var baseModels = JsonValues.Texts(card, "base_model")
            .Concat(TagValues(tags, BaseModelTag).Select(WithoutRelation).Where(repo => repo.Length > 0))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var pipelineTag = JsonValues.Text(model, "pipeline_tag");
        var isImageGeneration = pipelineTag is "text-to-image" or "image-to-image"
            || JsonValues.Text(model, "library_name") == "diffusers"
            || pipelineClass is not null;
        var slash = id.IndexOf('/');
        var gated = JsonValues.Text(model, "gated");
        return new RepoInfo
        {
            Id = id,
            Name = id.Substring(slash + 1),
            Author = JsonValues.Text(model, "author") ?? (slash > 0 ? id.Substring(0, slash) : null),
            Sha = JsonValues.Text(model, "sha"),
            Tags = tags,
            Type = BaseModels.TypeFromHuggingFace(tags, isImageGeneration),
            Family = BaseModels.FromHuggingFace(id, baseModels, pipelineClass),
            BaseModelRaw = baseModels.FirstOrDefault() ?? pipelineClass,
            Downloads = JsonValues.Number(model, "downloads"),
            Likes = JsonValues.Number(model, "likes"),
            Nsfw = tags.Contains(NsfwTag, StringComparer.OrdinalIgnoreCase),
            Gated = gated is "auto" or "manual",
            License = JsonValues.Text(card, "license") ?? TagValues(tags, LicenseTag).FirstOrDefault(),
            CreatedAt = JsonValues.Date(model, "createdAt"),
            LastModified = JsonValues.Date(model, "lastModified"),
            TrainedWords = JsonValues.Texts(card, "instance_prompt"),
            Raw = model.GetRawText(),
        };
    }

    /// <summary>The values of the tags with this prefix ("license:mit" → "mit").</summary>
    private static IEnumerable<string> TagValues(IEnumerable<string> tags, string prefix) =>
        tags.Where(tag => tag.Length > prefix.Length && tag.StartsWith(prefix, StringComparison.Ordinal)).Select(tag => tag.Substring(prefix.Length));

    /// <summary>
    /// The repo of a base_model tag value: "adapter:org/name", "finetune:…", "quantized:…", "merge:…" or plain
    /// "org/name". Repo ids never hold a colon, so whatever precedes the last one is the relation.
    /// </summary>
    private static string WithoutRelation(string value) => value.Substring(value.LastIndexOf(':') + 1);
}
