using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;

namespace ModelHub.Gallery;

/// <summary>
/// Gathers the gallery's entries: each model with its first sample images, fetched for all models at once
/// (a few at a time, so a long list does not run into the hubs' rate limits). A model whose images fail
/// keeps its card, with the images that did arrive; the failure goes to the caller.
/// </summary>
public sealed class GalleryCollector
{
    private const int ModelsAtOnce = 8;

    private readonly ModelDiscovery _discovery;

    public GalleryCollector(ModelDiscovery discovery)
    {
        _discovery = discovery;
    }

    /// <summary>One entry per distinct model (Hub and Id), in the order given.</summary>
    /// <param name="imageCount">Images per model; 0 for none (no requests).</param>
    /// <param name="failed">Called (from any thread) for each model whose images could not be fetched.</param>
    public async Task<IReadOnlyList<GalleryEntry>> CollectAsync(
        IEnumerable<Model> models, int imageCount, bool includeNsfw, HubCallOptions options, Action<Model, ModelHubException> failed, CancellationToken cancellationToken)
    {
        var distinct = models.GroupBy(model => (model.Hub, model.Id)).Select(group => group.First()).ToArray();
        using var slots = new SemaphoreSlim(ModelsAtOnce);
        return await Task.WhenAll(distinct.Select(model => CollectAsync(model, imageCount, includeNsfw, options, failed, slots, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<GalleryEntry> CollectAsync(
        Model model, int imageCount, bool includeNsfw, HubCallOptions options, Action<Model, ModelHubException> failed, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var images = new List<ModelImage>();
        if (imageCount == 0)
        {
            return new GalleryEntry(model, images);
        }

        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _discovery.GetImagesAsync(new ModelReference(model.Hub, model.Id), null, includeNsfw, options, image =>
            {
                images.Add(image);
                return images.Count < imageCount;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelHubException exception)
        {
            failed(model, exception);
        }
        finally
        {
            slots.Release();
        }

        return new GalleryEntry(model, images);
    }
}
