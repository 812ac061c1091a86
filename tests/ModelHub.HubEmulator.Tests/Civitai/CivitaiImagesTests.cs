using System;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>/api/v1/images and sample images: levels as strings, browsing levels, generation metadata as the tools write it, 2023-shaped fields.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class CivitaiImagesTests
{
    private readonly CivitaiApi _api;

    public CivitaiImagesTests(EmulatorFixture fixture)
    {
        _api = new CivitaiApi(fixture);
    }

    [Theory]
    [InlineData(null, new[] { "None" })]
    [InlineData("nsfw=Soft", new[] { "None", "Soft" })]
    [InlineData("nsfw=true", new[] { "Mature", "X" })]
    [InlineData("browsingLevel=4", new[] { "Mature" })]
    public async Task TheBrowsingLevelChoosesTheImages(string? filter, string[] levels)
    {
        var images = await _api.AllPagesAsync("/api/v1/images?limit=200" + (filter is null ? string.Empty : "&" + filter));
        Assert.NotEmpty(images);
        Assert.All(images, image =>
        {
            Assert.Contains((string)image!["nsfwLevel"]!, levels);

            // The recorded 2023 item predates browsingLevel.
            Assert.True(image["browsingLevel"] is null || image["browsingLevel"]!.GetValueKind() == JsonValueKind.Number);
            Assert.Equal((string)image["nsfwLevel"]! is "Mature" or "X", (bool)image["nsfw"]!);
        });
    }

    [Fact]
    public async Task ImagesFilterByModelAndVersion()
    {
        var model = (await _api.JsonAsync("/api/v1/models?types=LORA&limit=1"))["items"]![0]!;
        var versionId = (int)model["modelVersions"]![0]!["id"]!;
        var byVersion = await _api.AllPagesAsync($"/api/v1/images?modelVersionId={versionId}&nsfw=X");
        Assert.NotEmpty(byVersion);
        Assert.All(byVersion, image => Assert.Equal([versionId], image!["modelVersionIds"]!.AsArray().Select(id => (int)id!)));
        var byModel = await _api.AllPagesAsync($"/api/v1/images?modelId={(int)model["id"]!}&nsfw=X");
        Assert.Superset(byVersion.Select(image => (long)image!["id"]!).ToHashSet(), byModel.Select(image => (long)image!["id"]!).ToHashSet());
    }

    [Fact]
    public async Task GenerationMetadataComesAsEachToolWritesIt()
    {
        var metas = (await _api.AllPagesAsync("/api/v1/images?limit=200&nsfw=X")).Select(image => image!["meta"]).OfType<JsonObject>().ToList();

        // ComfyUI seeds are unsigned 64-bit, written as plain JSON numbers, some beyond 2^63.
        var comfySeeds = metas.Where(meta => (string?)meta["Version"] == "ComfyUI").Select(meta => BigInteger.Parse(meta["seed"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(comfySeeds, seed => seed > long.MaxValue);
        Assert.Contains(comfySeeds, seed => seed == ulong.MaxValue);
        Assert.Contains(metas, meta => meta["Clip skip"]?.GetValueKind() == JsonValueKind.String);
        Assert.Contains(metas, meta => meta["clipSkip"]?.GetValueKind() == JsonValueKind.Number);
        Assert.Contains(metas, meta => meta["civitaiResources"] is JsonArray { Count: > 0 });
        Assert.Contains(metas, meta => meta["comfy"]?.GetValueKind() == JsonValueKind.String);
    }

    [Fact]
    public async Task SomeModelsKeepThe2023Shapes()
    {
        var models = await _api.AllPagesAsync("/api/v1/models?nsfw=true");
        var legacy = models.Where(model => model!["allowCommercialUse"]!.GetValueKind() == JsonValueKind.String).ToList();
        Assert.NotEmpty(legacy);
        Assert.True(legacy.Count < models.Count / 4, $"{legacy.Count} of {models.Count} models are 2023-shaped");
        var imageNsfw = legacy.SelectMany(model => model!["modelVersions"]!.AsArray()).SelectMany(version => version!["images"]!.AsArray()).Select(image => image!["nsfw"]!.GetValueKind()).ToHashSet();
        Assert.Contains(JsonValueKind.String, imageNsfw);
        Assert.Contains(JsonValueKind.False, imageNsfw);
        Assert.Contains(models, model => model!["allowCommercialUse"]!.GetValueKind() == JsonValueKind.Array);
    }

    [Fact]
    public async Task ImagesUrlsServeRealImages()
    {
        var image = (await _api.JsonAsync("/api/v1/images?limit=1"))["items"]![0]!;
        using var http = new System.Net.Http.HttpClient();
        using var response = await http.GetAsync((string)image["url"]!);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, bytes.Take(2));
        Assert.False(((string)image["url"]!).Contains("civitai.com", StringComparison.Ordinal));
    }
}
