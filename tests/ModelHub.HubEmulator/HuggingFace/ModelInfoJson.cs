using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// Model objects as the API writes them. Every property of a repository at a commit is gathered once, in the
/// Hub's key order; model info, list items and `expand` answers are projections of it.
/// </summary>
internal sealed class ModelInfoJson
{
    /// <summary>Properties shown only when asked for with expand.</summary>
    private static readonly HashSet<string> ExpandOnly =
    [
        "downloadsAllTime", "trendingScore", "inferenceProviderMapping", "xetEnabled", "baseModels", "childrenModelCount",
        "gguf", "resourceGroup", "evalResults", "gitalyUid",
    ];

    /// <summary>A list item without expand or full.</summary>
    private static readonly string[] ListKeys = ["_id", "id", "likes", "trendingScore", "private", "downloads", "tags", "pipeline_tag", "library_name", "createdAt", "modelId"];

    /// <summary>Properties that need the repository's files built (the rest is known from the catalogue alone).</summary>
    private static readonly HashSet<string> ContentKeys = ["sha", "widgetData", "config", "cardData", "siblings", "safetensors", "usedStorage"];

    private readonly FileHasher _hashes;
    private readonly Func<Uri> _origin;

    public ModelInfoJson(FileHasher hashes, Func<Uri> origin)
    {
        _hashes = hashes;
        _origin = origin;
    }

    /// <summary>Whether a listing asking for these keys needs the repositories' files built.</summary>
    public static bool NeedsContent(IEnumerable<string> keys) => keys.Any(ContentKeys.Contains);

    /// <summary>
    /// Every property of the repository at <paramref name="commit"/> (siblings with sizes and hashes when
    /// <paramref name="blobs"/>); without a commit, only those known without building its files, for listings.
    /// </summary>
    public JsonObject Properties(HfRepo repo, HfCommit? commit, bool blobs)
    {
        var properties = repo.Recorded is { } recorded ? AtCommit(recorded, repo, commit) : Generated(repo, commit);
        if (blobs && commit is not null)
        {
            properties["siblings"] = Siblings(commit, true);
        }

        properties["downloadsAllTime"] = repo.DownloadsAllTime;
        properties["trendingScore"] = repo.TrendingScore;
        properties["xetEnabled"] = true;
        foreach (var (key, value) in repo.RecordedExpansions ?? new JsonObject())
        {
            properties[key] = value?.DeepClone();
        }

        RecordedUrls.Rewrite(properties, _origin());
        return properties;
    }

    /// <summary>GET /api/models/{id}: everything but the expand-only properties.</summary>
    public static JsonObject Info(JsonObject properties) => Pick(properties, key => !ExpandOnly.Contains(key));

    /// <summary>With expand: _id, id and the listed properties only.</summary>
    public static JsonObject Expanded(JsonObject properties, IReadOnlyCollection<string> keys) =>
        Pick(properties, key => key is "_id" or "id" || keys.Contains(key));

    /// <summary>A list item: the Hub's short default set, plus cardData and config when asked for.</summary>
    public static JsonObject ListItem(JsonObject properties, bool cardData, bool config)
    {
        var item = new JsonObject();
        foreach (var key in ListKeys.Concat(cardData ? ["cardData"] : []).Concat(config ? ["config"] : []).Where(properties.ContainsKey))
        {
            item[key] = properties[key]?.DeepClone();
        }

        return item;
    }

    private static JsonObject Pick(JsonObject properties, Func<string, bool> wanted)
    {
        var picked = new JsonObject();
        foreach (var (key, value) in properties.Where(pair => wanted(pair.Key)))
        {
            picked[key] = value?.DeepClone();
        }

        return picked;
    }

    /// <summary>A recorded repository: its recording, with sha, lastModified and siblings of another commit when asked for one.</summary>
    private JsonObject AtCommit(JsonObject recorded, HfRepo repo, HfCommit? commit)
    {
        var properties = recorded.DeepClone().AsObject();
        if (commit is not null && commit != repo.Content.Head)
        {
            properties["sha"] = commit.Id;
            properties["lastModified"] = WireJson.Date(commit.Date);
            properties["siblings"] = Siblings(commit, false);
        }

        return properties;
    }

    private JsonObject Generated(HfRepo repo, HfCommit? commit)
    {
        var properties = new JsonObject
        {
            ["_id"] = repo.ObjectId,
            ["id"] = repo.Id,
            ["private"] = repo.Private,
            ["pipeline_tag"] = repo.PipelineTag,
            ["library_name"] = repo.LibraryName,
            ["tags"] = new JsonArray(repo.Tags.Select(tag => (JsonNode)tag).ToArray()),
            ["downloads"] = repo.Downloads,
            ["likes"] = repo.Likes,
            ["modelId"] = repo.Id,
            ["author"] = repo.Author,
        };
        if (commit is not null)
        {
            properties["sha"] = commit.Id;
        }

        properties["lastModified"] = WireJson.Date(commit?.Date ?? repo.LastModified);
        properties["gated"] = repo.Gated is null ? JsonValue.Create(false) : JsonValue.Create(repo.Gated);
        properties["inference"] = "warm";
        properties["disabled"] = repo.Disabled;
        if (commit is not null)
        {
            AddContent(properties, repo.Content, commit);
        }

        properties["spaces"] = new JsonArray();
        properties["createdAt"] = WireJson.Date(repo.CreatedAt);
        if (commit is not null)
        {
            var weights = commit.Files.Values.Where(file => file.Spec.Layout == FileLayout.SafeTensors && !file.Path.Contains(".fp16.", StringComparison.Ordinal)).Sum(file => file.Spec.Size);
            if (weights > 0)
            {
                // Half-precision tensors: two bytes a parameter.
                properties["safetensors"] = new JsonObject { ["parameters"] = new JsonObject { ["F16"] = weights / 2 }, ["total"] = weights / 2 };
            }

            properties["usedStorage"] = repo.Content.AllFileVersions().Sum(file => file.Spec.Size);
        }

        return properties;
    }

    private void AddContent(JsonObject properties, HfRepoContent content, HfCommit commit)
    {
        if (content.CardData["widget"] is JsonArray widget)
        {
            properties["widgetData"] = widget.DeepClone();
        }

        properties["model-index"] = null;
        if (content.Config is not null)
        {
            properties["config"] = content.Config.DeepClone();
        }

        properties["cardData"] = content.CardData.DeepClone();
        properties["siblings"] = Siblings(commit, false);
    }

    private JsonArray Siblings(HfCommit commit, bool blobs)
    {
        var files = commit.Files.Values.ToList();
        if (!blobs)
        {
            return new JsonArray(files.Select(file => (JsonNode)new JsonObject { ["rfilename"] = file.Path }).ToArray());
        }

        var hashes = _hashes.GetMany(files.Select(file => file.Spec).ToList());
        return new JsonArray(files.Select((file, i) =>
        {
            var blob = HfBlob.Of(file, hashes[i]);
            var sibling = new JsonObject { ["rfilename"] = file.Path, ["size"] = blob.Size, ["blobId"] = blob.Oid };
            if (blob.Lfs is { } lfs)
            {
                sibling["lfs"] = new JsonObject { ["size"] = blob.Size, ["sha256"] = lfs.Sha256, ["pointerSize"] = lfs.PointerSize };
            }

            return (JsonNode)sibling;
        }).ToArray());
    }
}
