using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Settings;
using Xunit;

namespace ModelHub.Tests.Discovery;

public sealed class ModelDiscoveryTests
{
    private static readonly Hub[] Both = { Hub.Civitai, Hub.HuggingFace };

    [Fact]
    public async Task Merges_both_hubs_in_the_sort_order()
    {
        var civitai = new FakeSource(Hub.Civitai, new[] { FakeSource.Page(Hub.Civitai, 90, 70, 50), FakeSource.Page(Hub.Civitai, 30, 10) });
        var hf = new FakeSource(Hub.HuggingFace, new[] { FakeSource.Page(Hub.HuggingFace, 80, 60, 40, 20) });

        var models = await SearchAsync(new ModelDiscovery(new[] { civitai, hf }), new ModelQuery { Sort = ModelSort.Downloads }, int.MaxValue);

        Assert.Equal(new long[] { 90, 80, 70, 60, 50, 40, 30, 20, 10 }, models.Select(model => model.Downloads!.Value));
    }

    [Fact]
    public async Task Interleaves_hubs_for_relevance()
    {
        var civitai = new FakeSource(Hub.Civitai, new[] { FakeSource.Page(Hub.Civitai, 1, 2, 3) });
        var hf = new FakeSource(Hub.HuggingFace, new[] { FakeSource.Page(Hub.HuggingFace, 4, 5, 6) });

        var models = await SearchAsync(new ModelDiscovery(new[] { civitai, hf }), new ModelQuery(), int.MaxValue);

        Assert.Equal(new[] { Hub.Civitai, Hub.HuggingFace, Hub.Civitai, Hub.HuggingFace, Hub.Civitai, Hub.HuggingFace }, models.Select(model => model.Hub));
    }

    [Fact]
    public async Task Interleaves_even_when_one_hub_answers_later()
    {
        var civitai = new FakeSource(Hub.Civitai, new[] { FakeSource.Page(Hub.Civitai, 1, 2) }) { Latency = TimeSpan.FromMilliseconds(150) };
        var hf = new FakeSource(Hub.HuggingFace, new[] { FakeSource.Page(Hub.HuggingFace, 4, 5, 6, 7) });

        var models = await SearchAsync(new ModelDiscovery(new[] { civitai, hf }), new ModelQuery(), int.MaxValue);

        Assert.Equal(new[] { Hub.Civitai, Hub.HuggingFace, Hub.Civitai, Hub.HuggingFace, Hub.HuggingFace, Hub.HuggingFace }, models.Select(model => model.Hub));
    }

    [Fact]
    public async Task Requests_no_page_past_what_the_caller_takes()
    {
        var civitai = new FakeSource(Hub.Civitai, new[] { FakeSource.Page(Hub.Civitai, 9, 8, 7), FakeSource.Page(Hub.Civitai, 6, 5) });
        var hf = new FakeSource(Hub.HuggingFace, new[] { FakeSource.Page(Hub.HuggingFace, 3, 2), FakeSource.Page(Hub.HuggingFace, 1) });

        var models = await SearchAsync(new ModelDiscovery(new[] { civitai, hf }), new ModelQuery(), 2);

        Assert.Equal(2, models.Count);
        Assert.Equal(1, civitai.PagesRequested);
        Assert.Equal(1, hf.PagesRequested);
    }

    [Fact]
    public async Task Asks_both_hubs_at_once()
    {
        var latency = TimeSpan.FromMilliseconds(300);
        var civitai = new FakeSource(Hub.Civitai, new[] { FakeSource.Page(Hub.Civitai, 2) }) { Latency = latency };
        var hf = new FakeSource(Hub.HuggingFace, new[] { FakeSource.Page(Hub.HuggingFace, 1) }) { Latency = latency };
        var clock = Stopwatch.StartNew();

        var models = await SearchAsync(new ModelDiscovery(new[] { civitai, hf }), new ModelQuery { Sort = ModelSort.Downloads }, int.MaxValue);

        Assert.Equal(2, models.Count);
        Assert.True(clock.Elapsed < latency * 1.8, $"two hubs with {latency} each took {clock.Elapsed}");
    }

    [Fact]
    public async Task One_hubs_failure_ends_its_results_only()
    {
        var failure = new HubUnavailableException("down", "later");
        var civitai = new FakeSource(Hub.Civitai, new[] { FakeSource.Page(Hub.Civitai, 5, 4), FakeSource.Page(Hub.Civitai, 3) }) { Failure = (1, failure) };
        var hf = new FakeSource(Hub.HuggingFace, new[] { FakeSource.Page(Hub.HuggingFace, 9), FakeSource.Page(Hub.HuggingFace, 1) });
        var events = new List<SearchEvent>();

        await new ModelDiscovery(new[] { civitai, hf }).SearchAsync(new ModelQuery { Sort = ModelSort.Downloads }, Both, HubCallOptions.Default, found =>
        {
            events.Add(found);
            return true;
        }, CancellationToken.None);

        Assert.Equal(new long[] { 9, 5, 4, 1 }, events.Where(e => e.Model is not null).Select(e => e.Model!.Downloads!.Value));
        var error = Assert.Single(events, e => e.Error is not null);
        Assert.Equal(Hub.Civitai, error.Hub);
        Assert.Same(failure, error.Error);
    }

    [Fact]
    public void Leaves_out_a_hub_that_cannot_sort_and_fails_when_none_can()
    {
        var civitai = new FakeSource(Hub.Civitai, Array.Empty<IReadOnlyList<Model>>(), ModelSort.Relevance, ModelSort.Rating);
        var hf = new FakeSource(Hub.HuggingFace, Array.Empty<IReadOnlyList<Model>>(), ModelSort.Relevance, ModelSort.Trending);
        var discovery = new ModelDiscovery(new[] { civitai, hf });

        var hubs = discovery.HubsFor(new ModelQuery { Sort = ModelSort.Rating }, Both, out var warnings);

        Assert.Equal(new[] { Hub.Civitai }, hubs);
        Assert.Contains("HuggingFace", Assert.Single(warnings));
        var error = Assert.Throws<ModelHubException>(() => discovery.HubsFor(new ModelQuery { Sort = ModelSort.Trending }, new[] { Hub.Civitai }, out _));
        Assert.Equal(ErrorIds.SortNotSupported, error.ErrorId);
    }

    [Fact]
    public void The_strict_policy_refuses_nsfw_and_hides_real_people()
    {
        var error = Assert.Throws<ModelHubException>(() => ModelDiscovery.UnderPolicy(new ModelQuery { IncludeNsfw = true }, ContentPolicy.Strict));
        Assert.Equal(ErrorIds.ContentPolicyViolation, error.ErrorId);

        Assert.True(ModelDiscovery.UnderPolicy(new ModelQuery(), ContentPolicy.Strict).ExcludeRealPeople);
        Assert.False(ModelDiscovery.UnderPolicy(new ModelQuery(), ContentPolicy.Default).ExcludeRealPeople);
    }

    private static async Task<List<Model>> SearchAsync(ModelDiscovery discovery, ModelQuery query, int take)
    {
        var models = new List<Model>();
        await discovery.SearchAsync(query, Both, HubCallOptions.Default, found =>
        {
            models.Add(found.Model!);
            return models.Count < take;
        }, CancellationToken.None);
        return models;
    }
}
