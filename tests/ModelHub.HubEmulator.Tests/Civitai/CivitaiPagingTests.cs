using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>Paging as the real API does it: limits, page × limit ≤ 1000 (429 beyond), query + page refused, cursors to the end.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class CivitaiPagingTests
{
    private const string TooManyPages = "{\"error\":\"You've requested too many pages, please use cursors instead\"}";

    private readonly EmulatorFixture _fixture;
    private readonly CivitaiApi _api;

    public CivitaiPagingTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _api = new CivitaiApi(fixture);
    }

    [Fact]
    public async Task ModelsLimitAbove100IsAValidationError()
    {
        var body = await _api.JsonAsync("/api/v1/models?limit=101", HttpStatusCode.BadRequest);
        Assert.Equal("ZodError", (string)body["error"]!["name"]!);
        Assert.Contains("limit", (string)body["error"]!["message"]!, StringComparison.Ordinal);
        Assert.Equal(100, (await _api.JsonAsync("/api/v1/models?limit=100"))["items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("/api/v1/models?page=11&limit=100")]
    [InlineData("/api/v1/images?page=6&limit=200")]
    public async Task PagesBeyond1000ItemsAre429(string pathAndQuery)
    {
        using var response = await _api.SendAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TooManyPages, body);
    }

    [Fact]
    public async Task PageTenIsTheLastPageOf100()
    {
        var page = await _api.JsonAsync("/api/v1/models?page=10&limit=100&nsfw=true");
        Assert.Equal(10, (int)page["metadata"]!["currentPage"]!);
        Assert.Equal(100, (int)page["metadata"]!["pageSize"]!);
    }

    [Fact]
    public async Task QueryWithPageIs400()
    {
        var body = await _api.JsonAsync("/api/v1/models?query=style&page=1", HttpStatusCode.BadRequest);
        Assert.Equal("Cannot use page param with query search. Use cursor-based pagination.", (string)body["error"]!);
    }

    [Fact]
    public async Task AnEmptyListingHasEmptyMetadata()
    {
        var body = await _api.JsonAsync("/api/v1/models?tag=no-such-tag-anywhere");
        Assert.Equal("{\"items\":[],\"metadata\":{}}", body.ToJsonString());
    }

    [Theory]
    [InlineData("Highest Rated")]
    [InlineData("Most Downloaded")]
    [InlineData("Most Liked")]
    [InlineData("Most Discussed")]
    [InlineData("Most Collected")]
    [InlineData("Most Images")]
    [InlineData("Newest")]
    [InlineData("Oldest")]
    public async Task CursorsReachEveryModelOnceInEverySort(string sort)
    {
        var everything = await PagedIdsAsync("/api/v1/models?nsfw=true&limit=100");
        var cursored = await _api.AllPagesAsync($"/api/v1/models?nsfw=true&limit=37&sort={Uri.EscapeDataString(sort)}");
        var ids = cursored.Select(item => (int)item!["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(everything.Order(), ids.Order());
        if (sort is "Newest" or "Oldest")
        {
            var dates = cursored.Select(item => item!["modelVersions"]!.AsArray().Max(version => (string)(version!["publishedAt"] ?? version["createdAt"])!)).ToList();
            Assert.Equal(sort == "Newest" ? dates.OrderDescending(StringComparer.Ordinal) : dates.Order(StringComparer.Ordinal), dates);
        }
    }

    [Fact]
    public async Task NextPageEchoesEveryParameterWithTheCursor()
    {
        var page = await _api.JsonAsync("/api/v1/models?types=LORA&baseModels=SDXL%201.0&limit=5&sort=Most%20Downloaded");
        var metadata = page["metadata"]!.AsObject();
        var cursor = (string)metadata["nextCursor"]!;
        Assert.Matches("^[0-9]+\\|[0-9]+\\|[0-9]+$", cursor);
        Assert.Equal(
            $"{_api.Origin}/api/v1/models?types=LORA&baseModels=SDXL%201.0&limit=5&sort=Most%20Downloaded&cursor={Uri.EscapeDataString(cursor)}",
            (string)metadata["nextPage"]!);
        Assert.Equal(["nextCursor", "nextPage"], metadata.Select(pair => pair.Key));
    }

    [Fact]
    public async Task TheLastPageHasNoNextCursor()
    {
        var all = await _api.AllPagesAsync("/api/v1/models?types=VAE&limit=2");
        var lastCursor = await _api.JsonAsync($"/api/v1/models?types=VAE&limit=2&page={(all.Count + 1) / 2}");
        Assert.Null(lastCursor["metadata"]!["nextCursor"]);
        Assert.Null(lastCursor["metadata"]!["nextPage"]);
        Assert.NotNull(lastCursor["metadata"]!["currentPage"]);
    }

    [Fact]
    public async Task TypesComeRepeatedOrCommaSeparated()
    {
        var repeated = await PagedIdsAsync("/api/v1/models?types=VAE&types=Upscaler&limit=100");
        var commas = await PagedIdsAsync("/api/v1/models?types=VAE,Upscaler&limit=100");
        Assert.NotEmpty(repeated);
        Assert.Equal(repeated, commas);
        var invalid = await _api.JsonAsync("/api/v1/models?types=Lora", HttpStatusCode.BadRequest);
        Assert.Contains("types", (string)invalid["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryPagesWithOffsetCursors()
    {
        var first = await _api.JsonAsync("/api/v1/models?query=style&limit=5");
        Assert.Equal("5", (string)first["metadata"]!["nextCursor"]!);
        var all = await _api.AllPagesAsync("/api/v1/models?query=style&limit=5");
        Assert.All(all, item => Assert.True(
            ((string)item!["name"]!).Contains("style", StringComparison.OrdinalIgnoreCase)
            || item["tags"]!.AsArray().Any(tag => ((string)tag!).Contains("style", StringComparison.OrdinalIgnoreCase))));
    }

    [Fact]
    public async Task ImagesPageWithCursorsOfTheLastItem()
    {
        var first = await _api.JsonAsync("/api/v1/images?limit=1");
        Assert.Matches("^[0-9]+\\|[0-9]+$", (string)first["metadata"]!["nextCursor"]!);
        await _api.JsonAsync("/api/v1/images?limit=201", HttpStatusCode.BadRequest);

        var pages = await _api.AllPagesAsync("/api/v1/images?limit=200&nsfw=X");
        var ids = pages.Select(item => (long)item!["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count > 1000, $"{ids.Count} images");
        Assert.All(pages, item => Assert.True((long)item!["stats"]!["likeCount"]! >= 0));
    }

    [Fact]
    public async Task TagsAndCreatorsPageByNumberWithTotals()
    {
        foreach (var path in new[] { "/api/v1/tags", "/api/v1/creators" })
        {
            var second = await _api.JsonAsync(path + "?limit=3&page=2");
            var metadata = second["metadata"]!.AsObject();
            Assert.Equal(["totalItems", "currentPage", "pageSize", "totalPages", "nextPage", "prevPage"], metadata.Select(pair => pair.Key));
            Assert.Equal(2, (int)metadata["currentPage"]!);
            Assert.Equal(3, (int)metadata["pageSize"]!);
            Assert.Equal(((int)metadata["totalItems"]! + 2) / 3, (int)metadata["totalPages"]!);
            Assert.Equal($"{_api.Origin}{path}?limit=3&page=3", (string)metadata["nextPage"]!);
            Assert.Equal($"{_api.Origin}{path}?limit=3&page=1", (string)metadata["prevPage"]!);
            Assert.Equal(3, second["items"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task WithCatalogSize3000OnlyCursorsGoPast1000Models()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Quiet = true, CatalogSize = 3000 });
        var api = new CivitaiApi(_fixture.Http, host.Origins.Civitai);
        using (var tooFar = await api.SendAsync("/api/v1/models?types=LORA&limit=100&page=11"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, tooFar.StatusCode);
        }

        var ids = new HashSet<int>();
        for (var next = "/api/v1/models?types=LORA&limit=100&primaryFileOnly=true"; next is not null && ids.Count <= 1000;)
        {
            var page = await api.JsonAsync(next);
            foreach (var item in page["items"]!.AsArray())
            {
                Assert.True(ids.Add((int)item!["id"]!));
            }

            next = (string?)page["metadata"]!["nextPage"] is { } url ? new Uri(url).PathAndQuery : null;
        }

        Assert.True(ids.Count > 1000, $"cursors reached only {ids.Count} models");
    }

    /// <summary>Every id, by page number (pathAndQuery has limit=100).</summary>
    private async Task<List<int>> PagedIdsAsync(string pathAndQuery)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var items = (await _api.JsonAsync($"{pathAndQuery}&page={page}"))["items"]!.AsArray();
            ids.AddRange(items.Select(item => (int)item!["id"]!));
            if (items.Count < 100)
            {
                return ids;
            }
        }
    }
}
