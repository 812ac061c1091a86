using System;
using System.Collections.Generic;
using ModelHub.Settings;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// Shapes what was read from the Hub into ModelHub's Model and ModelVersion, with web addresses on the endpoint
/// the answers came from. A repository's versions are commits; the family, type and AIR are the repository's.
/// </summary>
internal sealed class RepoModels
{
    private readonly HubEndpoint _endpoint;

    public RepoModels(HubEndpoint endpoint)
    {
        _endpoint = endpoint;
    }

    /// <summary>
    /// The model, whose one version is the commit the answer describes (when it names one), named after the
    /// default branch, with the card's trained words and the given files.
    /// </summary>
    public Model Model(RepoInfo info, IReadOnlyList<ModelFile> headFiles)
    {
        var head = info.Sha is { } sha ? Version(info, sha, RepoPaths.DefaultBranch, info.LastModified, info.TrainedWords, headFiles) : null;
        return new Model
        {
            Hub = Hub.HuggingFace,
            Id = info.Id,
            Name = info.Name,
            Type = info.Type,
            BaseModel = info.Family,
            BaseModelRaw = info.BaseModelRaw,
            Author = info.Author,
            Tags = info.Tags,
            Downloads = info.Downloads,
            Likes = info.Likes,
            Nsfw = info.Nsfw,
            License = info.License,
            Gated = info.Gated,
            CreatedAt = info.CreatedAt,
            UpdatedAt = info.LastModified,
            Url = _endpoint.Combine(RepoPaths.Page(info.Id)),
            Air = BaseModels.Air(info.Family, info.Type, Hub.HuggingFace, info.Id, info.Sha),
            LatestVersion = head,
            Versions = head is null ? Array.Empty<ModelVersion>() : new[] { head },
            Raw = info.Raw,
        };
    }

    /// <summary>A commit of the history; only the head's card was read, so only the head has trained words.</summary>
    public ModelVersion Commit(RepoInfo info, CommitEntry commit) =>
        Version(info, commit.Id, commit.Title, commit.Date, commit.Id == info.Sha ? info.TrainedWords : Array.Empty<string>(), Array.Empty<ModelFile>());

    private ModelVersion Version(RepoInfo info, string commit, string name, DateTimeOffset? publishedAt, IReadOnlyList<string> trainedWords, IReadOnlyList<ModelFile> files) => new()
    {
        Hub = Hub.HuggingFace,
        ModelId = info.Id,
        VersionId = commit,
        Name = name,
        BaseModel = info.Family,
        BaseModelRaw = info.BaseModelRaw,
        TrainedWords = trainedWords,
        PublishedAt = publishedAt,
        Files = files,
        Url = _endpoint.Combine(RepoPaths.TreePage(info.Id, commit)),
        Air = BaseModels.Air(info.Family, info.Type, Hub.HuggingFace, info.Id, commit),
    };
}
