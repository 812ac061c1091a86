using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Gallery;
using Xunit;

namespace ModelHub.Tests.Gallery;

public sealed class GalleryCollectorTests
{
    [Fact]
    public async Task Takes_the_first_images_of_each_model_in_the_order_given()
    {
        var (civitai, hf, collector) = Collector();
        var models = new[] { GallerySamples.HuggingFace(), GallerySamples.Civitai("1"), GallerySamples.Civitai("2") };

        var entries = await collector.CollectAsync(models, 2, includeNsfw: false, HubCallOptions.Default, (_, error) => throw error, CancellationToken.None);

        Assert.Equal(new[] { "org/name", "1", "2" }, entries.Select(entry => entry.Model.Id));
        Assert.All(entries, entry => Assert.Equal(2, entry.Images.Count));
        Assert.Equal("https://img.example/1/1.png", entries[1].Images[1].Url.ToString());
        Assert.Equal(4, civitai.ImagesServed);
        Assert.Equal(2, hf.ImagesServed);
    }

    [Fact]
    public async Task Asks_nothing_for_no_images_and_keeps_one_card_per_model()
    {
        var (civitai, _, collector) = Collector();

        var entries = await collector.CollectAsync(new[] { GallerySamples.Civitai(), GallerySamples.Civitai() }, 0, includeNsfw: false, HubCallOptions.Default, (_, error) => throw error, CancellationToken.None);

        Assert.Single(entries);
        Assert.Empty(entries[0].Images);
        Assert.Equal(0, civitai.Calls);
    }

    [Fact]
    public async Task Fetches_models_concurrently_but_a_few_at_a_time()
    {
        var (civitai, _, collector) = Collector();
        var models = Enumerable.Range(1, 30).Select(id => GallerySamples.Civitai(id.ToString())).ToArray();

        await collector.CollectAsync(models, 1, includeNsfw: true, HubCallOptions.Default, (_, error) => throw error, CancellationToken.None);

        Assert.Equal(30, civitai.Calls);
        Assert.InRange(civitai.MostAtOnce, 2, 8);
    }

    [Fact]
    public async Task Reports_a_models_failure_and_keeps_its_card_with_the_images_that_arrived()
    {
        var (civitai, _, collector) = Collector();
        civitai.Failing.Add("2");
        var failures = new ConcurrentBag<(Model Model, ModelHubException Error)>();

        var entries = await collector.CollectAsync(new[] { GallerySamples.Civitai("1"), GallerySamples.Civitai("2") }, 4, includeNsfw: false, HubCallOptions.Default,
            (model, error) => failures.Add((model, error)), CancellationToken.None);

        Assert.Equal(2, entries.Count);
        Assert.Equal(4, entries[0].Images.Count);
        Assert.Single(entries[1].Images);
        var failure = Assert.Single(failures);
        Assert.Equal("2", failure.Model.Id);
        Assert.Equal(ErrorIds.HubUnavailable, failure.Error.ErrorId);
    }

    private static (ImageSource Civitai, ImageSource HuggingFace, GalleryCollector Collector) Collector()
    {
        var civitai = new ImageSource(Hub.Civitai, 6);
        var hf = new ImageSource(Hub.HuggingFace, 6);
        return (civitai, hf, new GalleryCollector(new ModelDiscovery(new IModelSource[] { civitai, hf })));
    }
}
