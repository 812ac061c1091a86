using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Http;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// Civitai as a model source: searches GET /api/v1/models page by page with cursors, reads models from
/// /api/v1/models/{id} and version files from /api/v1/model-versions/{id} (../shared/hub-api/civitai-api.md).
/// </summary>
public sealed partial class CivitaiSource : IModelSource
{
    private readonly HubHttpClient _http;
    private readonly HubRequestFactory _requests;

    public CivitaiSource(HubHttpClient http, HubRequestFactory requests)
    {
        _http = http;
        _requests = requests;
    }

    public Hub Hub => Hub.Civitai;

    public bool CanSort(ModelSort sort) => CivitaiSearchQuery.CanSort(sort);

    public async IAsyncEnumerable<Model> SearchAsync(ModelQuery query, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var search = CivitaiSearchQuery.For(query);
        var filter = new CivitaiResultFilter(query);

        // The first page holds the caller's First; the later ones are full.
        var items = ListAsync(cursor => search.PathAndQuery(cursor is null ? search.FirstPageSize : CivitaiSearchQuery.MaxPageSize, cursor), options, target: null, cancellationToken);
        await foreach (var (item, request) in items.ConfigureAwait(false))
        {
            var model = CivitaiModelMapper.Map(item, request);
            if (filter.Accepts(model))
            {
                yield return model;
            }
        }
    }

    public Task<Model> GetModelAsync(string id, HubCallOptions options, CancellationToken cancellationToken) =>
        ReadModelAsync(id, options, CivitaiModelMapper.Map, cancellationToken);

    /// <summary>Every published version, newest first: Civitai lists them all, so <paramref name="all"/> changes nothing.</summary>
    public async IAsyncEnumerable<ModelVersion> GetVersionsAsync(string modelId, bool all, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var model = await GetModelAsync(modelId, options, cancellationToken).ConfigureAwait(false);
        foreach (var version in model.Versions)
        {
            yield return version;
        }
    }

    /// <summary>
    /// A version's files from /api/v1/model-versions/{id}; without a version, the latest version's files from the
    /// model. A version of another model is reported as not found under this one.
    /// </summary>
    public async IAsyncEnumerable<ModelFile> GetFilesAsync(string modelId, string? versionId, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = versionId is null
            ? (await GetModelAsync(modelId, options, cancellationToken).ConfigureAwait(false)).LatestVersion?.Files ?? Enumerable.Empty<ModelFile>()
            : await GetVersionFilesAsync(modelId, versionId, options, cancellationToken).ConfigureAwait(false);
        foreach (var file in files)
        {
            yield return file;
        }
    }

    private Task<IReadOnlyList<ModelFile>> GetVersionFilesAsync(string modelId, string versionId, HubCallOptions options, CancellationToken cancellationToken) =>
        ReadVersionAsync<IReadOnlyList<ModelFile>>(
            modelId,
            versionId,
            options,
            (version, id, request) => version.Elements("files").Select(file => CivitaiFileMapper.Map(file, modelId, id, request.Endpoint)).ToArray(),
            cancellationToken);

    /// <summary>GET /models/{id}, read by <paramref name="read"/> while the answer is open.</summary>
    private async Task<T> ReadModelAsync<T>(string id, HubCallOptions options, Func<JsonElement, HubRequest, T> read, CancellationToken cancellationToken)
    {
        var modelId = CivitaiIds.Require(id, id);
        var request = _requests.Create(Hub.Civitai, "api/v1/models/" + modelId, options, target: modelId);
        using var document = await _http.GetJsonAsync(request, cancellationToken).ConfigureAwait(false);
        return read(document.RootElement, request);
    }

    /// <summary>
    /// GET /model-versions/{id}, read by <paramref name="read"/> (with the version's id) while the answer is open.
    /// A version of another model is reported as not found under this one.
    /// </summary>
    private async Task<T> ReadVersionAsync<T>(string modelId, string versionId, HubCallOptions options, Func<JsonElement, string, HubRequest, T> read, CancellationToken cancellationToken)
    {
        var request = VersionRequest(modelId, versionId, options);
        using var document = await _http.GetJsonAsync(request, cancellationToken).ConfigureAwait(false);
        var version = document.RootElement;
        return read(version, VersionId(version, modelId, versionId, request), request);
    }

    /// <summary>GET /model-versions/{id}, once both ids are checked to be numbers.</summary>
    private HubRequest VersionRequest(string modelId, string versionId, HubCallOptions options)
    {
        var target = CivitaiIds.VersionTarget(modelId, versionId);
        CivitaiIds.Require(modelId, target);
        CivitaiIds.Require(versionId, target);
        return _requests.Create(Hub.Civitai, "api/v1/model-versions/" + versionId, options, target);
    }

    /// <summary>The id of a /model-versions answer; a version of another model is reported as not found under this one.</summary>
    private static string VersionId(JsonElement version, string modelId, string versionId, HubRequest request)
    {
        var id = version.Text("id") ?? throw CivitaiErrors.Lacks(request, "id");
        if (version.Text("modelId") is { } owner && !CivitaiIds.Same(owner, modelId))
        {
            throw CivitaiErrors.VersionOfAnotherModel(modelId, versionId, owner);
        }

        return id;
    }
}
