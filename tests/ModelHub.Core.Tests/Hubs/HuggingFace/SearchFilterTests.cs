using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using Xunit;

namespace ModelHub.Tests.Hubs.HuggingFace;

/// <summary>Every filter checked again on the mapped results, in the hub's order.</summary>
public sealed class SearchFilterTests : IDisposable
{
    // The harness clock reads 2026-11-27T12:00Z.
    private static readonly string[] Listing =
    {
        """{"id":"a/sdxl-lora","author":"a","tags":["lora","base_model:adapter:stabilityai/stable-diffusion-xl-base-1.0","sdxl"],"createdAt":"2026-11-27T00:00:00.000Z"}""",
        """{"id":"b/controlnet","author":"b","tags":["controlnet","lora","base_model:stabilityai/stable-diffusion-xl-base-1.0"],"createdAt":"2026-11-25T00:00:00.000Z"}""",
        """{"id":"a/flux-lora","author":"a","tags":["lora","base_model:adapter:black-forest-labs/FLUX.1-dev","not-for-all-audiences"],"createdAt":"2026-11-21T00:00:00.000Z"}""",
        """{"id":"c/sd15-pipeline","author":"c","library_name":"diffusers","tags":["diffusers:StableDiffusionPipeline","sdxl"],"createdAt":"2026-09-01T00:00:00.000Z"}""",
        """{"id":"A/sdxl-checkpoint","pipeline_tag":"text-to-image","tags":["base_model:finetune:stabilityai/stable-diffusion-xl-base-1.0"],"createdAt":"2025-06-01T00:00:00.000Z"}""",
    };

    private readonly HfSourceFixture _hf = new();

    public void Dispose() => _hf.Dispose();

    [Fact]
    public async Task Keeps_the_hubs_order_and_leaves_nsfw_out_by_default() =>
        Assert.Equal(new[] { "a/sdxl-lora", "b/controlnet", "c/sd15-pipeline", "A/sdxl-checkpoint" }, await SearchAsync(new ModelQuery()));

    [Fact]
    public async Task Includes_nsfw_when_asked() =>
        Assert.Equal(new[] { "a/sdxl-lora", "b/controlnet", "a/flux-lora", "c/sd15-pipeline", "A/sdxl-checkpoint" }, await SearchAsync(new ModelQuery { IncludeNsfw = true }));

    [Fact]
    public async Task Keeps_only_the_types_asked_for_as_mapped_not_as_tagged() =>
        Assert.Equal(new[] { "a/sdxl-lora", "a/flux-lora" }, await SearchAsync(new ModelQuery { Types = new[] { ModelType.LoRA }, IncludeNsfw = true }));

    [Fact]
    public async Task Keeps_any_of_several_types() =>
        Assert.Equal(new[] { "b/controlnet", "c/sd15-pipeline", "A/sdxl-checkpoint" }, await SearchAsync(new ModelQuery { Types = new[] { ModelType.ControlNet, ModelType.Checkpoint } }));

    [Fact]
    public async Task Keeps_only_the_families_asked_for_by_display_name_in_any_case() =>
        Assert.Equal(new[] { "a/sdxl-lora", "b/controlnet", "A/sdxl-checkpoint" }, await SearchAsync(new ModelQuery { BaseModels = new[] { "sdxl" } }));

    [Fact]
    public async Task Combines_type_and_family() =>
        Assert.Equal(new[] { "a/flux-lora" }, await SearchAsync(new ModelQuery { Types = new[] { ModelType.LoRA }, BaseModels = new[] { "Flux.1", "SD 1.5" }, IncludeNsfw = true }));

    [Fact]
    public async Task Keeps_only_repos_with_every_tag() =>
        Assert.Equal(new[] { "a/sdxl-lora" }, await SearchAsync(new ModelQuery { Tags = new[] { "SDXL", "lora" } }));

    [Fact]
    public async Task Keeps_only_the_author_asked_for_in_any_case() =>
        Assert.Equal(new[] { "a/sdxl-lora", "A/sdxl-checkpoint" }, await SearchAsync(new ModelQuery { Author = "a" }));

    [Theory]
    [InlineData(SearchPeriod.Day, new[] { "a/sdxl-lora" })]
    [InlineData(SearchPeriod.Week, new[] { "a/sdxl-lora", "b/controlnet", "a/flux-lora" })]
    [InlineData(SearchPeriod.Month, new[] { "a/sdxl-lora", "b/controlnet", "a/flux-lora" })]
    [InlineData(SearchPeriod.Year, new[] { "a/sdxl-lora", "b/controlnet", "a/flux-lora", "c/sd15-pipeline" })]
    [InlineData(SearchPeriod.AllTime, new[] { "a/sdxl-lora", "b/controlnet", "a/flux-lora", "c/sd15-pipeline", "A/sdxl-checkpoint" })]
    public async Task Keeps_repos_created_within_the_period(SearchPeriod period, string[] expected) =>
        Assert.Equal(expected, await SearchAsync(new ModelQuery { Period = period, IncludeNsfw = true }));

    [Fact]
    public async Task Ignores_real_people_which_the_hub_does_not_mark() =>
        Assert.Equal(4, (await SearchAsync(new ModelQuery { ExcludeRealPeople = true })).Length);

    [Fact]
    public async Task Stops_newest_first_at_the_first_repo_older_than_the_period()
    {
        _hf.Hub.Then(() => HfSourceFixture.Page("[" + string.Join(",", Listing) + "]", "https://hf.example/api/models?cursor=2"));

        var ids = await _hf.Source.SearchAsync(new ModelQuery { Sort = ModelSort.Newest, Period = SearchPeriod.Week, IncludeNsfw = true }, HubCallOptions.Default, CancellationToken.None)
            .Select(model => model.Id).ToArrayAsync();

        Assert.Equal(new[] { "a/sdxl-lora", "b/controlnet", "a/flux-lora" }, ids);
        Assert.Single(_hf.Requested);
    }

    [Fact]
    public async Task Stops_after_the_number_asked_for_without_requesting_the_next_page()
    {
        _hf.Hub.Then(() => HfSourceFixture.Page("[" + string.Join(",", Listing) + "]", "https://hf.example/api/models?cursor=2"));

        var ids = await _hf.Source.SearchAsync(new ModelQuery { First = 4 }, HubCallOptions.Default, CancellationToken.None).Select(model => model.Id).ToArrayAsync();

        Assert.Equal(new[] { "a/sdxl-lora", "b/controlnet", "c/sd15-pipeline", "A/sdxl-checkpoint" }, ids);
        Assert.Single(_hf.Requested);
    }

    [Fact]
    public async Task Sends_nothing_when_no_result_is_wanted()
    {
        Assert.Empty(await _hf.Source.SearchAsync(new ModelQuery { First = 0 }, HubCallOptions.Default, CancellationToken.None).ToListAsync());
        Assert.Empty(_hf.Requested);
    }

    private async Task<string[]> SearchAsync(ModelQuery query)
    {
        _hf.Hub.Then(() => HfSourceFixture.Json("[" + string.Join(",", Listing) + "]"));
        return await _hf.Source.SearchAsync(query, HubCallOptions.Default, CancellationToken.None).Select(model => model.Id).ToArrayAsync();
    }
}
