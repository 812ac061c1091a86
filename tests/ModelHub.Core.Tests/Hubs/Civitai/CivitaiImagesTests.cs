using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using Xunit;

namespace ModelHub.Tests.Hubs.Civitai;

/// <summary>A model's sample images: /api/v1/images paged lazily by cursor, NSFW left out unless asked for, then the version's own images.</summary>
public sealed class CivitaiImagesTests : IDisposable
{
    private const string Cdn = "https://cdn.example/img/";

    private readonly CivitaiHarness _civitai = new();

    public void Dispose() => _civitai.Dispose();

    [Theory]
    [InlineData(null, false, "/api/v1/images?limit=100&modelId=42&nsfw=Soft")]
    [InlineData("420", false, "/api/v1/images?limit=100&modelId=42&modelVersionId=420&nsfw=Soft")]
    [InlineData("420", true, "/api/v1/images?limit=100&modelId=42&modelVersionId=420&nsfw=X")]
    public async Task The_query_names_the_model_the_version_and_the_levels_wanted(string? versionId, bool includeNsfw, string expected)
    {
        _civitai.Answer(CivitaiHarness.Page(new[] { Image(1) }, "next"));

        await GetImagesAsync("42", versionId, includeNsfw, take: 1);

        Assert.Equal(new[] { expected }, _civitai.Requests);
    }

    [Fact]
    public async Task Nothing_is_requested_before_the_first_image_is_asked_for()
    {
        _civitai.Answer(CivitaiHarness.Page(Images(1, 3), "next"));

        var images = _civitai.Source.GetImagesAsync("42", null, false, HubCallOptions.Default, CancellationToken.None);
        await using var enumerator = images.GetAsyncEnumerator();

        Assert.Empty(_civitai.Hub.Requests);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Single(_civitai.Hub.Requests);
    }

    [Fact]
    public async Task Taking_3_images_of_a_100_image_page_sends_exactly_one_request()
    {
        _civitai.AnswerPages(new Dictionary<string, string>
        {
            ["first"] = CivitaiHarness.Page(Images(1, 100), "1|1712265847499"),
            ["1|1712265847499"] = CivitaiHarness.Page(Images(101, 100)),
        });

        var images = await GetImagesAsync("42", take: 3);

        Assert.Equal(new[] { "1", "2", "3" }, images.Select(image => image.Id));
        Assert.Equal(new[] { "/api/v1/images?limit=100&modelId=42&nsfw=Soft" }, _civitai.Requests);
    }

    [Fact]
    public async Task Cursors_are_followed_to_the_end_then_the_latest_versions_own_images_come_once()
    {
        _civitai.Answer(
            CivitaiHarness.Page(Images(1, 2), "1|1712265847499"),
            CivitaiHarness.Page(Images(3, 1), 101),
            CivitaiHarness.Page(Array.Empty<JsonNode>()),
            """{"id":42,"type":"LORA","modelVersions":[{"id":421,"name":"v2"},{"id":420,"name":"v1"}]}""",
            new JsonObject
            {
                ["id"] = 421,
                ["modelId"] = 42,
                ["images"] = new JsonArray(
                    VersionImage(Cdn + "2.jpeg", 1),
                    VersionImage(Cdn + "v1.jpeg", 1, new JsonObject { ["prompt"] = "embedded", ["seed"] = "18446744073709551615" }),
                    VersionImage(Cdn + "v1.jpeg", 1)),
            }.ToJsonString());

        var images = await GetImagesAsync("42");

        Assert.Equal(new[] { Cdn + "1.jpeg", Cdn + "2.jpeg", Cdn + "3.jpeg", Cdn + "v1.jpeg" }, images.Select(image => image.Url.AbsoluteUri));
        Assert.Equal(
            new[]
            {
                "/api/v1/images?limit=100&modelId=42&nsfw=Soft",
                "/api/v1/images?limit=100&modelId=42&nsfw=Soft&cursor=1|1712265847499",
                "/api/v1/images?limit=100&modelId=42&nsfw=Soft&cursor=101",
                "/api/v1/models/42",
                "/api/v1/model-versions/421",
            },
            _civitai.Requests);
        var embedded = images[^1];
        Assert.Null(embedded.Id);
        Assert.Equal("421", embedded.VersionId);
        Assert.Equal("embedded", embedded.Prompt);
        Assert.Equal(ulong.MaxValue, embedded.Seed);
        Assert.All(images.Take(3), image => Assert.Null(image.VersionId));
    }

    [Fact]
    public async Task With_a_version_its_own_images_come_from_the_version_endpoint()
    {
        _civitai.Answer(
            CivitaiHarness.Page(new[] { Image(1) }),
            """{"id":420,"modelId":42,"images":[{"url":"https://cdn.example/img/v.jpeg","nsfwLevel":2,"width":512,"height":768}]}""");

        var images = await GetImagesAsync("42", "420");

        Assert.Equal(new[] { "/api/v1/images?limit=100&modelId=42&modelVersionId=420&nsfw=Soft", "/api/v1/model-versions/420" }, _civitai.Requests);
        Assert.All(images, image => Assert.Equal("420", image.VersionId));
        Assert.Equal("Soft", images[1].NsfwLevel);
        Assert.False(images[1].Nsfw);
        Assert.Equal((512, 768), (images[1].Width!.Value, images[1].Height!.Value));
    }

    [Fact]
    public async Task NSFW_images_are_left_out_unless_asked_for_whatever_the_hub_sends()
    {
        var page = CivitaiHarness.Page(new[]
        {
            Image(1, "None"),
            Image(2, "Soft"),
            Image(3, "Mature", nsfw: true),
            Image(4, "X", nsfw: true),
            Image(5, "Mature"),
        });
        var version = new JsonObject
        {
            ["id"] = 421,
            ["modelId"] = 42,
            ["images"] = new JsonArray(VersionImage(Cdn + "pg.jpeg", 1), VersionImage(Cdn + "r.jpeg", 4), VersionImage(Cdn + "xxx.jpeg", 16 | 1)),
        }.ToJsonString();
        _civitai.Answer(page, version, page, version);

        var safe = await GetImagesAsync("42", "421");
        var all = await GetImagesAsync("42", "421", includeNsfw: true);

        Assert.Equal(new[] { "1", "2", null }, safe.Select(image => image.Id));
        Assert.Equal(Cdn + "pg.jpeg", safe[^1].Url.AbsoluteUri);
        Assert.Equal(
            new[] { "None", "Soft", "Mature", "X", "Mature", "None", "Mature", "X" },
            all.Select(image => image.NsfwLevel));
        Assert.Equal(new[] { false, false, true, true, true, false, true, true }, all.Select(image => image.Nsfw));
    }

    [Fact]
    public async Task The_recorded_2024_page_and_version_map_with_their_generation_parameters()
    {
        _civitai.AnswerRecorded("images-page-limit1-2024.json");
        _civitai.Answer(CivitaiHarness.Page(Array.Empty<JsonNode>()));
        _civitai.AnswerRecorded("model-version-1387174.json");

        var images = await GetImagesAsync("1231067", "1387174");

        Assert.Equal(2, images.Count);
        var listed = images[0];
        Assert.Equal(Hub.Civitai, listed.Hub);
        Assert.Equal("1231067", listed.ModelId);
        Assert.Equal("9173928", listed.Id);
        Assert.Equal("https://image.civitai.com/xG1nkqKTMzGDvpLrqFT7WA/cc242d6c-f960-4274-aa1d-f22a71e705ef/width=832/cc242d6c-f960-4274-aa1d-f22a71e705ef.jpeg", listed.Url.AbsoluteUri);
        Assert.Equal((832, 1216), (listed.Width!.Value, listed.Height!.Value));
        Assert.Equal("None", listed.NsfwLevel);
        Assert.False(listed.Nsfw);
        Assert.Equal(1938345220UL, listed.Seed);
        Assert.Equal(8, listed.Resources.Count);
        Assert.NotNull(listed.Meta);

        var embedded = images[1];
        Assert.Equal("https://image.civitai.com/xG1nkqKTMzGDvpLrqFT7WA/42b875cf-c62b-41fa-a349-383b7f074351/width=832/56547310.jpeg", embedded.Url.AbsoluteUri);
        Assert.Equal("1387174", embedded.VersionId);
        Assert.Equal("None", embedded.NsfwLevel);
        Assert.Equal(1116375220995209UL, embedded.Seed);
        Assert.Equal("flux_dev_fp8", embedded.Model);
        Assert.Equal(3.5, embedded.CfgScale);
    }

    [Fact]
    public async Task The_recorded_2023_page_and_version_map_with_their_nsfw_flags_and_numeric_cursor()
    {
        _civitai.AnswerRecorded("wiki-images-page.json");
        _civitai.Answer(CivitaiHarness.Page(Array.Empty<JsonNode>()));
        _civitai.AnswerRecorded("wiki-model-version-1318.json");

        var images = await GetImagesAsync("1244", "1318");

        Assert.Equal("/api/v1/images?limit=100&modelId=1244&modelVersionId=1318&nsfw=Soft&cursor=101", _civitai.Requests[1]);
        var listed = images[0];
        Assert.Equal("469632", listed.Id);
        Assert.Equal("Meina", listed.Model);
        Assert.Equal(234871805UL, listed.Seed);
        Assert.Equal("None", listed.NsfwLevel);
        var embedded = images.Skip(1).ToArray();
        Assert.NotEmpty(embedded);
        Assert.All(embedded, image =>
        {
            Assert.StartsWith("https://imagecache.civitai.com/", image.Url.AbsoluteUri);
            Assert.Null(image.NsfwLevel);
            Assert.False(image.Nsfw);
            Assert.Null(image.Meta);
            Assert.Equal("1318", image.VersionId);
        });
    }

    [Fact]
    public async Task A_listed_image_without_a_url_is_an_invalid_answer()
    {
        _civitai.Answer(CivitaiHarness.Page(new JsonNode[] { new JsonObject { ["id"] = 1 } }));

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => GetImagesAsync("42"));

        Assert.Contains("items[].url", error.Message);
    }

    [Fact]
    public async Task A_model_id_that_is_no_number_sends_nothing()
    {
        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => GetImagesAsync("abc"));

        Assert.Equal(ErrorIds.HubModelNotFound, error.ErrorId);
        Assert.Empty(_civitai.Hub.Requests);
    }

    private static JsonNode Image(long id, string level = "None", bool nsfw = false) => new JsonObject
    {
        ["id"] = id,
        ["url"] = Cdn + id + ".jpeg",
        ["width"] = 832,
        ["height"] = 1216,
        ["nsfwLevel"] = level,
        ["nsfw"] = nsfw,
        ["meta"] = new JsonObject { ["seed"] = id, ["prompt"] = "image " + id },
    };

    private static JsonNode[] Images(long firstId, int count) =>
        Enumerable.Range(0, count).Select(offset => Image(firstId + offset)).ToArray();

    private static JsonObject VersionImage(string url, int nsfwLevel, JsonObject? meta = null) => new()
    {
        ["url"] = url,
        ["nsfwLevel"] = nsfwLevel,
        ["width"] = 832,
        ["height"] = 1216,
        ["type"] = "image",
        ["meta"] = meta,
    };

    private Task<List<ModelImage>> GetImagesAsync(string modelId, string? versionId = null, bool includeNsfw = false, int? take = null) =>
        _civitai.Http.RunAsync(async cancellationToken =>
        {
            var images = new List<ModelImage>();
            await foreach (var image in _civitai.Source.GetImagesAsync(modelId, versionId, includeNsfw, HubCallOptions.Default, cancellationToken))
            {
                images.Add(image);
                if (images.Count == take)
                {
                    break;
                }
            }

            return images;
        });
}
