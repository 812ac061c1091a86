using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Http;
using ModelHub.Settings;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// Hugging Face as a model source: searches /api/models, reads model info, the default branch's commits and the
/// tree of a commit (listings paged with Link, lazily), and maps them to the unified model (docs/MAPPINGS.md).
/// Every failure arrives from the HTTP layer as a ModelHubException and passes through unchanged.
/// </summary>
public sealed partial class HuggingFaceSource : IModelSource
{
    private readonly HubHttpClient _http;
    private readonly HubRequestFactory _requests;
    private readonly TimeProvider _time;
    private readonly LinkPaging _paging;

    public HuggingFaceSource(HubHttpClient http, HubRequestFactory requests, TimeProvider time)
    {
        _http = http;
        _requests = requests;
        _time = time;
        _paging = new LinkPaging(http, requests);
    }

    public Hub Hub => Hub.HuggingFace;

    public bool CanSort(ModelSort sort) => ModelSearch.CanSort(sort);

    /// <remarks>
    /// Poi does not exist on Hugging Face (ExcludeRealPeople leaves nothing out). Period keeps repos created in
    /// that window, checked on the results; newest first, the first older repo ends the search.
    /// </remarks>
    public async IAsyncEnumerable<Model> SearchAsync(ModelQuery query, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query.First <= 0)
        {
            yield break;
        }

        var filter = new SearchFilter(query, _time.GetUtcNow());
        var first = _requests.Create(Hub, ModelSearch.PathAndQuery(query), options, target: null);
        var models = new RepoModels(first.Endpoint);
        var found = 0;
        await foreach (var info in _paging.ReadAsync(first, options, RepoInfo.Read, cancellationToken).ConfigureAwait(false))
        {
            var model = models.Model(info, Array.Empty<ModelFile>());
            if (filter.EndsSearch(model))
            {
                yield break;
            }

            if (filter.Accepts(model))
            {
                yield return model;
                if (++found == query.First)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>Model info (a renamed repo's redirect is followed: the model has the new id), its head commit and that commit's files.</summary>
    public async Task<Model> GetModelAsync(string id, HubCallOptions options, CancellationToken cancellationToken)
    {
        var request = _requests.Create(Hub, RepoPaths.Info(id), options, id);
        var info = await HubJson.GetAsync(_http, request, RepoInfo.Read, cancellationToken).ConfigureAwait(false);
        var files = info.Sha is { } sha ? await ReadFilesAsync(info.Id, sha, options, cancellationToken).ConfigureAwait(false) : Array.Empty<ModelFile>();
        return new RepoModels(request.Endpoint).Model(info, files);
    }

    /// <summary>The head of the default branch; with <paramref name="all"/>, that branch's commits, newest first.</summary>
    public async IAsyncEnumerable<ModelVersion> GetVersionsAsync(string modelId, bool all, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = _requests.Create(Hub, RepoPaths.Info(modelId, RepoInfo.ExpandKeys), options, modelId);
        var info = await HubJson.GetAsync(_http, request, RepoInfo.Read, cancellationToken).ConfigureAwait(false);
        var models = new RepoModels(request.Endpoint);
        if (!all)
        {
            if (models.Model(info, Array.Empty<ModelFile>()).LatestVersion is { } head)
            {
                yield return head;
            }

            yield break;
        }

        var commits = _requests.Create(Hub, RepoPaths.Commits(info.Id, RepoPaths.DefaultBranch), options, info.Id);
        await foreach (var commit in _paging.ReadAsync(commits, options, CommitEntry.Read, cancellationToken).ConfigureAwait(false))
        {
            yield return models.Commit(info, commit);
        }
    }

    /// <summary>
    /// The files at a revision (the default branch when null), pinned to the commit it points to now, so that
    /// every file names that commit as its version and downloads from it.
    /// </summary>
    public async IAsyncEnumerable<ModelFile> GetFilesAsync(string modelId, string? versionId, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var revision = await ReadRevisionAsync(modelId, versionId, new[] { "sha" }, options, cancellationToken).ConfigureAwait(false);
        foreach (var file in await ReadFilesAsync(revision.Info.Id, revision.Commit, options, cancellationToken).ConfigureAwait(false))
        {
            yield return file;
        }
    }

    /// <summary>The whole tree of a commit, every page: a file's format and the primary file depend on the others.</summary>
    private async Task<IReadOnlyList<ModelFile>> ReadFilesAsync(string repoId, string commit, HubCallOptions options, CancellationToken cancellationToken)
    {
        var first = _requests.Create(Hub, RepoPaths.Tree(repoId, commit), options, repoId);
        var tree = new List<TreeFile>();
        await foreach (var file in _paging.ReadAsync(first, options, TreeFile.Read, cancellationToken).ConfigureAwait(false))
        {
            tree.Add(file);
        }

        return RepoFiles.Map(first.Endpoint, repoId, commit, tree);
    }

    /// <summary>
    /// Model info at a revision (the default branch when null) with only these keys, the commit the revision points
    /// to now, and the endpoint asked: what reads at that revision pins itself to.
    /// </summary>
    private async Task<(RepoInfo Info, string Commit, HubEndpoint Endpoint)> ReadRevisionAsync(string modelId, string? revision, IEnumerable<string> expand, HubCallOptions options, CancellationToken cancellationToken)
    {
        var request = _requests.Create(Hub, RepoPaths.Revision(modelId, revision ?? RepoPaths.DefaultBranch, expand), options, modelId);
        var (info, commit) = await HubJson.GetAsync(_http, request, ResolvedRevision, cancellationToken).ConfigureAwait(false);
        return (info, commit, request.Endpoint);
    }

    /// <summary>The repo (its current id, after a rename) and the commit a revision answer names.</summary>
    private static (RepoInfo Info, string Commit) ResolvedRevision(JsonElement answer)
    {
        var info = RepoInfo.Read(answer);
        return (info, info.Sha ?? throw new JsonException("The revision answer has no sha."));
    }
}
