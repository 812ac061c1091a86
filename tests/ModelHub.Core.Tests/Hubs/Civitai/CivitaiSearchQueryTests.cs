using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using Xunit;

namespace ModelHub.Tests.Hubs.Civitai;

/// <summary>The GET /api/v1/models request each <see cref="ModelQuery"/> parameter makes, as the hub sees it.</summary>
public sealed class CivitaiSearchQueryTests : IDisposable
{
    private readonly CivitaiHarness _civitai = new();

    public void Dispose() => _civitai.Dispose();

    [Fact]
    public async Task An_empty_query_asks_for_a_full_page_of_safe_models_in_the_hubs_order()
    {
        Assert.Equal("/api/v1/models?limit=100", await RequestFor(new ModelQuery()));
    }

    public static IEnumerable<object[]> Parameters() => new[]
    {
        Row(new ModelQuery { Text = " pixel art " }, "/api/v1/models?limit=100&query=pixel art"),
        Row(new ModelQuery { Types = new[] { ModelType.LoRA } }, "/api/v1/models?limit=100&types=LORA"),
        Row(new ModelQuery { Types = new[] { ModelType.LoRA, ModelType.LyCORIS, ModelType.DoRA, ModelType.Checkpoint } }, "/api/v1/models?limit=100&types=LORA&types=LoCon&types=DoRA&types=Checkpoint"),
        Row(new ModelQuery { Types = new[] { ModelType.TextualInversion, ModelType.ControlNet, ModelType.TextEncoder } }, "/api/v1/models?limit=100&types=TextualInversion&types=Controlnet&types=TextEncoder"),

        // Other gathers several Civitai types: the hub is not filtered by type, the results are.
        Row(new ModelQuery { Types = new[] { ModelType.LoRA, ModelType.Other } }, "/api/v1/models?limit=100"),
        Row(new ModelQuery { BaseModels = new[] { "SDXL" } }, "/api/v1/models?limit=100&baseModels=SDXL 0.9&baseModels=SDXL 1.0&baseModels=SDXL 1.0 LCM&baseModels=SDXL Lightning&baseModels=SDXL Hyper&baseModels=SDXL Turbo&baseModels=SDXL Distilled"),
        Row(new ModelQuery { BaseModels = new[] { "flux.1", "Pony" } }, "/api/v1/models?limit=100&baseModels=Flux.1 S&baseModels=Flux.1 D&baseModels=Flux.1 Krea&baseModels=Flux.1 Kontext&baseModels=Pony&baseModels=Pony V7"),

        // A family no table names is a Civitai value of its own; Unknown cannot be asked of the hub.
        Row(new ModelQuery { BaseModels = new[] { "Kolors" } }, "/api/v1/models?limit=100&baseModels=Kolors"),
        Row(new ModelQuery { BaseModels = new[] { "SD 1.5", "Unknown" } }, "/api/v1/models?limit=100"),
        Row(new ModelQuery { Tags = new[] { "style", "anime" } }, "/api/v1/models?limit=100&tag=style"),
        Row(new ModelQuery { Author = "PixelPawsAI" }, "/api/v1/models?limit=100&username=PixelPawsAI"),
        Row(new ModelQuery { Sort = ModelSort.Relevance }, "/api/v1/models?limit=100"),
        Row(new ModelQuery { Sort = ModelSort.Downloads }, "/api/v1/models?limit=100&sort=Most Downloaded"),
        Row(new ModelQuery { Sort = ModelSort.Likes }, "/api/v1/models?limit=100&sort=Most Liked"),
        Row(new ModelQuery { Sort = ModelSort.Rating }, "/api/v1/models?limit=100&sort=Highest Rated"),
        Row(new ModelQuery { Sort = ModelSort.Newest }, "/api/v1/models?limit=100&sort=Newest"),
        Row(new ModelQuery { Period = SearchPeriod.AllTime }, "/api/v1/models?limit=100"),
        Row(new ModelQuery { Period = SearchPeriod.Day }, "/api/v1/models?limit=100&period=Day"),
        Row(new ModelQuery { Period = SearchPeriod.Week }, "/api/v1/models?limit=100&period=Week"),
        Row(new ModelQuery { Period = SearchPeriod.Month }, "/api/v1/models?limit=100&period=Month"),
        Row(new ModelQuery { Period = SearchPeriod.Year }, "/api/v1/models?limit=100&period=Year"),
        Row(new ModelQuery { IncludeNsfw = true }, "/api/v1/models?limit=100&nsfw=true"),

        // Real people are left out on the results: Civitai has no parameter for it.
        Row(new ModelQuery { ExcludeRealPeople = true }, "/api/v1/models?limit=100"),
        Row(new ModelQuery { First = 5 }, "/api/v1/models?limit=5"),
        Row(new ModelQuery { First = 100 }, "/api/v1/models?limit=100"),
        Row(new ModelQuery { First = 1500 }, "/api/v1/models?limit=100"),
        Row(new ModelQuery { First = 0 }, "/api/v1/models?limit=1"),
        Row(
            new ModelQuery { Text = "pixel art", Types = new[] { ModelType.LoRA }, BaseModels = new[] { "Illustrious" }, Tags = new[] { "pixel" }, Author = "a", Sort = ModelSort.Downloads, Period = SearchPeriod.Month, IncludeNsfw = true, First = 10 },
            "/api/v1/models?limit=10&query=pixel art&types=LORA&baseModels=Illustrious&tag=pixel&username=a&sort=Most Downloaded&period=Month&nsfw=true"),
    };

    [Theory]
    [MemberData(nameof(Parameters))]
    public async Task Each_parameter_becomes_its_Civitai_parameter(ModelQuery query, string expected)
    {
        Assert.Equal(expected, await RequestFor(query));
    }

    [Fact]
    public async Task Reserved_characters_are_escaped()
    {
        _civitai.Answer(CivitaiHarness.Page(Array.Empty<JsonNode>()));
        await _civitai.SearchAsync(new ModelQuery { Text = "a&b=c #1", Tags = new[] { "c++" } });

        var uri = Assert.Single(_civitai.Hub.Requests).Uri;
        Assert.Equal(new[] { "a&b=c #1" }, CivitaiHarness.Query(uri, "query"));
        Assert.Equal(new[] { "c++" }, CivitaiHarness.Query(uri, "tag"));
    }

    [Fact]
    public async Task No_page_number_is_ever_sent()
    {
        _civitai.AnswerPages(new Dictionary<string, string>
        {
            ["first"] = CivitaiHarness.Page(CivitaiSamples.Models(1, 2), "2"),
            ["2"] = CivitaiHarness.Page(CivitaiSamples.Models(3, 2)),
        });

        await _civitai.SearchAsync(new ModelQuery { Text = "x" });

        Assert.Equal(2, _civitai.Hub.Requests.Count);
        Assert.All(_civitai.Hub.Requests, request => Assert.Empty(CivitaiHarness.Query(request.Uri, "page")));
    }

    [Theory]
    [InlineData(ModelSort.Relevance, true)]
    [InlineData(ModelSort.Downloads, true)]
    [InlineData(ModelSort.Likes, true)]
    [InlineData(ModelSort.Rating, true)]
    [InlineData(ModelSort.Newest, true)]
    [InlineData(ModelSort.Updated, false)]
    [InlineData(ModelSort.Trending, false)]
    public void Civitai_sorts_every_way_but_Updated_and_Trending(ModelSort sort, bool supported)
    {
        Assert.Equal(supported, _civitai.Source.CanSort(sort));
    }

    [Theory]
    [InlineData(ModelSort.Updated)]
    [InlineData(ModelSort.Trending)]
    public async Task A_search_in_an_order_Civitai_lacks_fails_before_any_request(ModelSort sort)
    {
        var error = await Assert.ThrowsAnyAsync<ModelHubException>(() => _civitai.SearchAsync(new ModelQuery { Sort = sort }));

        Assert.Equal(ErrorIds.InvalidHubRequest, error.ErrorId);
        Assert.Equal(HubErrorCategory.InvalidArgument, error.Category);
        Assert.Contains(sort.ToString(), error.Message);
        Assert.Contains("Relevance, Downloads, Likes, Rating, Newest", error.RecommendedAction);
        Assert.Empty(_civitai.Hub.Requests);
    }

    private static object[] Row(ModelQuery query, string request) => new object[] { query, request };

    private async Task<string> RequestFor(ModelQuery query)
    {
        _civitai.Answer(CivitaiHarness.Page(Array.Empty<JsonNode>()));
        await _civitai.SearchAsync(query);
        return Assert.Single(_civitai.Requests);
    }
}
