using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Http;

namespace ModelHub.Hubs.Civitai;

/// <summary>Civitai as a model source. (Being implemented.)</summary>
public sealed class CivitaiSource : IModelSource
{
    private readonly HubHttpClient _http;
    private readonly HubRequestFactory _requests;

    public CivitaiSource(HubHttpClient http, HubRequestFactory requests)
    {
        _http = http;
        _requests = requests;
    }

    public Hub Hub => Hub.Civitai;

    public bool CanSort(ModelSort sort) => throw new NotImplementedException(nameof(_http) + nameof(_requests));

    public IAsyncEnumerable<Model> SearchAsync(ModelQuery query, HubCallOptions options, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<Model> GetModelAsync(string id, HubCallOptions options, CancellationToken cancellationToken) => throw new NotImplementedException();

    public IAsyncEnumerable<ModelVersion> GetVersionsAsync(string modelId, bool all, HubCallOptions options, CancellationToken cancellationToken) => throw new NotImplementedException();

    public IAsyncEnumerable<ModelFile> GetFilesAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken) => throw new NotImplementedException();
}
