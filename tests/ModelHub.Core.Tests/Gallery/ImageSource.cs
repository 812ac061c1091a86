using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;

namespace ModelHub.Tests.Gallery;

/// <summary>A hub that only serves sample images: a fixed number per model, a failure for some, and counts of what was asked.</summary>
internal sealed class ImageSource : IModelSource
{
    private readonly int _imagesPerModel;
    private int _running;

    public ImageSource(Hub hub, int imagesPerModel)
    {
        Hub = hub;
        _imagesPerModel = imagesPerModel;
    }

    public Hub Hub { get; }

    /// <summary>Models whose image listing fails after its first image.</summary>
    public ISet<string> Failing { get; } = new HashSet<string>();

    public int ImagesServed;

    public int Calls;

    public int MostAtOnce;

    public bool CanSort(ModelSort sort) => true;

    public async IAsyncEnumerable<ModelImage> GetImagesAsync(string modelId, string? versionId, bool includeNsfw, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(running);
        try
        {
            await Task.Delay(20, cancellationToken);
            for (var index = 0; index < _imagesPerModel; index++)
            {
                if (index == 1 && Failing.Contains(modelId))
                {
                    throw new ModelHubException(ErrorIds.HubUnavailable, HubErrorCategory.ConnectionError, "down", "wait");
                }

                Interlocked.Increment(ref ImagesServed);
                yield return new ModelImage { Hub = Hub, ModelId = modelId, Url = new Uri($"https://img.example/{modelId}/{index}.png"), Nsfw = includeNsfw };
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public IAsyncEnumerable<Model> SearchAsync(ModelQuery query, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Model> GetModelAsync(string id, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> WhoAmIAsync(string token, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<HashMatch>> FindByHashAsync(IReadOnlyList<string> sha256, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<ModelVersion> GetVersionsAsync(string modelId, bool all, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<ModelFile> GetFilesAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> GetVersionRecordAsync(string modelId, string versionId, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ModelCard> GetCardAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    private void InterlockedMax(int value)
    {
        int seen;
        while (value > (seen = MostAtOnce) && Interlocked.CompareExchange(ref MostAtOnce, value, seen) != seen)
        {
        }
    }
}
