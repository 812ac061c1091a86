using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using Xunit;

namespace ModelHub.Tests.Hubs.HuggingFace;

/// <summary>The GET /api/models request each query parameter makes.</summary>
public sealed class SearchQueryTests : IDisposable
{
    private const string Expand =
        "expand=author&expand=cardData&expand=config&expand=createdAt&expand=downloads&expand=gated&expand=lastModified"
        + "&expand=library_name&expand=likes&expand=pipeline_tag&expand=private&expand=sha&expand=tags&expand=trendingScore";

    private readonly HfSourceFixture _hf = new();

    public void Dispose() => _hf.Dispose();

    [Fact]
    public async Task Asks_for_a_full_page_in_the_hubs_own_order_with_the_keys_the_mapping_reads() =>
        Assert.Equal("https://hf.example/api/models?limit=100&" + Expand, await RequestedAsync(new ModelQuery()));

    [Fact]
    public async Task Searches_the_text() =>
        Assert.Equal("https://hf.example/api/models?search=pixel%20art&limit=100&" + Expand, await RequestedAsync(new ModelQuery { Text = " pixel art " }));

    [Fact]
    public async Task Filters_by_author() =>
        Assert.Equal("https://hf.example/api/models?author=stabilityai&limit=100&" + Expand, await RequestedAsync(new ModelQuery { Author = "stabilityai" }));

    [Fact]
    public async Task Filters_by_every_tag() =>
        Assert.Equal("https://hf.example/api/models?filter=text-to-image&filter=license%3Amit&limit=100&" + Expand, await RequestedAsync(new ModelQuery { Tags = new[] { "text-to-image", "license:mit" } }));

    [Theory]
    [InlineData(ModelType.LoRA, "filter=lora&")]
    [InlineData(ModelType.LyCORIS, "filter=lycoris&")]
    [InlineData(ModelType.DoRA, "filter=dora&")]
    [InlineData(ModelType.ControlNet, "filter=controlnet&")]
    [InlineData(ModelType.VAE, "filter=vae&")]
    [InlineData(ModelType.Checkpoint, "")]
    [InlineData(ModelType.TextualInversion, "")]
    [InlineData(ModelType.Upscaler, "")]
    [InlineData(ModelType.Other, "")]
    public async Task Filters_one_type_by_its_tag_when_exactly_one_tag_means_it(ModelType type, string filter) =>
        Assert.Equal("https://hf.example/api/models?" + filter + "limit=100&" + Expand, await RequestedAsync(new ModelQuery { Types = new[] { type } }));

    [Fact]
    public async Task Leaves_several_types_to_the_result_check() =>
        Assert.Equal("https://hf.example/api/models?limit=100&" + Expand, await RequestedAsync(new ModelQuery { Types = new[] { ModelType.LoRA, ModelType.LyCORIS } }));

    [Theory]
    [InlineData(ModelSort.Relevance, "")]
    [InlineData(ModelSort.Downloads, "sort=downloads&")]
    [InlineData(ModelSort.Likes, "sort=likes&")]
    [InlineData(ModelSort.Newest, "sort=createdAt&")]
    [InlineData(ModelSort.Updated, "sort=lastModified&")]
    [InlineData(ModelSort.Trending, "sort=trendingScore&")]
    public async Task Sorts_on_the_hub(ModelSort sort, string parameter)
    {
        Assert.True(_hf.Source.CanSort(sort));
        Assert.Equal("https://hf.example/api/models?" + parameter + "limit=100&" + Expand, await RequestedAsync(new ModelQuery { Sort = sort }));
    }

    [Fact]
    public async Task Cannot_sort_by_rating_which_the_hub_does_not_have()
    {
        Assert.False(_hf.Source.CanSort(ModelSort.Rating));
        await Assert.ThrowsAsync<NotSupportedException>(() => _hf.Source.SearchAsync(new ModelQuery { Sort = ModelSort.Rating }, HubCallOptions.Default, CancellationToken.None).ToListAsync().AsTask());
        Assert.Empty(_hf.Hub.Requests);
    }

    [Theory]
    [InlineData(5, "limit=5")]
    [InlineData(100, "limit=100")]
    [InlineData(1500, "limit=100")]
    public async Task Sizes_the_first_page_from_first_up_to_100(int first, string limit) =>
        Assert.Equal("https://hf.example/api/models?" + limit + "&" + Expand, await RequestedAsync(new ModelQuery { First = first }));

    [Fact]
    public async Task Sends_every_parameter_together()
    {
        var query = new ModelQuery { Text = "harbor", Author = "lumen-labs", Types = new[] { ModelType.LoRA }, Tags = new[] { "sdxl" }, Sort = ModelSort.Downloads, First = 20 };

        Assert.Equal("https://hf.example/api/models?search=harbor&author=lumen-labs&filter=lora&filter=sdxl&sort=downloads&limit=20&" + Expand, await RequestedAsync(query));
    }

    [Fact]
    public async Task Sends_no_filter_for_what_only_the_results_show()
    {
        var query = new ModelQuery { BaseModels = new[] { "SDXL" }, IncludeNsfw = true, ExcludeRealPeople = true, Period = SearchPeriod.Week };

        Assert.Equal("https://hf.example/api/models?limit=100&" + Expand, await RequestedAsync(query));
    }

    private async Task<string> RequestedAsync(ModelQuery query)
    {
        _hf.Hub.Then(() => HfSourceFixture.Json("[]"));
        Assert.Empty(await _hf.Source.SearchAsync(query, HubCallOptions.Default, CancellationToken.None).ToListAsync());
        return Assert.Single(_hf.Requested);
    }
}
