using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;

namespace ModelHub.Tests.Discovery;

/// <summary>A hub made of pages of models: counts the pages asked for, and can fail after some.</summary>
internal sealed class FakeSource : IModelSource
{
    private readonly IReadOnlyList<IReadOnlyList<Model>> _pages;
    private readonly ModelSort[] _sorts;

    public FakeSource(Hub hub, IEnumerable<IReadOnlyList<Model>> pages, params ModelSort[] sorts)
    {
        Hub = hub;
        _pages = pages.ToArray();
        _sorts = sorts.Length == 0 ? Enum.GetValues<ModelSort>() : sorts;
    }

    public Hub Hub { get; }

    /// <summary>Pages requested so far.</summary>
    public int PagesRequested { get; private set; }

    /// <summary>When set, the request for this page (0-based) fails with it.</summary>
    public (int Page, ModelHubException Error)? Failure { get; init; }

    /// <summary>How long each page takes to arrive.</summary>
    public TimeSpan Latency { get; init; }

    public bool CanSort(ModelSort sort) => _sorts.Contains(sort);

    public async IAsyncEnumerable<Model> SearchAsync(ModelQuery query, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 0; page < _pages.Count; page++)
        {
            PagesRequested++;
            await Task.Delay(Latency, cancellationToken);
            if (Failure is { } failure && failure.Page == page)
            {
                throw failure.Error;
            }

            foreach (var model in _pages[page])
            {
                yield return model;
            }
        }
    }

    public Task<Model> GetModelAsync(string id, HubCallOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(_pages.SelectMany(page => page).First(model => model.Id == id));

    public IAsyncEnumerable<ModelVersion> GetVersionsAsync(string modelId, bool all, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<ModelFile> GetFilesAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> GetVersionRecordAsync(string modelId, string versionId, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ModelCard> GetCardAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<ModelImage> GetImagesAsync(string modelId, string? versionId, bool includeNsfw, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> WhoAmIAsync(string token, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<HashMatch>> FindByHashAsync(IReadOnlyList<string> sha256, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public static IReadOnlyList<Model> Page(Hub hub, params long[] downloads) =>
        downloads.Select(count => new Model { Hub = hub, Id = $"{hub}-{count}", Downloads = count }).ToArray();
}
