using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ModelHub.HubEmulator.Civitai.Catalog;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>
/// A newcomer's first commands just work: the first page of every type's default listing (Highest Rated, 100), and of
/// the unfiltered one, holds only public, SFW models that download anonymously. The benchmark checkpoint is not on
/// them, but found by id, ids= and query.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CivitaiFirstPageTests
{
    private const int BenchmarkModelId = ShowcaseModels.BenchmarkModelId;
    private const int BenchmarkVersionId = ShowcaseModels.BenchmarkVersionId;

    private readonly CivitaiApi _api;

    public CivitaiFirstPageTests(EmulatorFixture fixture)
    {
        _api = new CivitaiApi(fixture);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Checkpoint")]
    [InlineData("LORA")]
    [InlineData("LoCon")]
    [InlineData("DoRA")]
    [InlineData("TextualInversion")]
    [InlineData("VAE")]
    [InlineData("Controlnet")]
    [InlineData("Upscaler")]
    [InlineData("Hypernetwork")]
    [InlineData("MotionModule")]
    [InlineData("Other")]
    public async Task TheFirstPageOfEachDefaultListingIsNewcomerSafe(string? type)
    {
        var page = await _api.JsonAsync("/api/v1/models" + (type is null ? string.Empty : "?types=" + type));
        var items = page["items"]!.AsArray();
        Assert.NotEmpty(items);
        foreach (var model in items.Select(item => item!.AsObject()))
        {
            var id = (int)model["id"]!;
            Assert.False((bool)model["nsfw"]!, $"model {id} is NSFW");
            Assert.False((bool)model["poi"]!, $"model {id} is a POI model");
            Assert.Null(model["mode"]);
            Assert.True(model["availability"] is null || (string)model["availability"]! == "Public", $"model {id} is not public");
            Assert.NotEqual(BenchmarkModelId, id);
            foreach (var version in model["modelVersions"]!.AsArray())
            {
                var url = new Uri((string)version!["downloadUrl"]!);
                using var download = await _api.SendAsync(url.PathAndQuery);
                Assert.True(download.StatusCode == HttpStatusCode.TemporaryRedirect, $"anonymous download of {url.PathAndQuery}: {(int)download.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task TheBenchmarkCheckpointIsFoundByIdIdsAndQuery()
    {
        var model = await _api.JsonAsync($"/api/v1/models/{BenchmarkModelId}");
        Assert.Equal("ModelHub Benchmark Checkpoint", (string)model["name"]!);
        Assert.Equal("Checkpoint", (string)model["type"]!);
        var version = model["modelVersions"]![0]!;
        Assert.Equal(BenchmarkVersionId, (int)version["id"]!);
        var primary = version["files"]!.AsArray().Single(file => (bool?)file!["primary"] == true)!;
        Assert.Equal(ShowcaseModels.BenchmarkFileSize / 1024, (double)primary["sizeKB"]!);
        Assert.EndsWith(".safetensors", (string)primary["name"]!, StringComparison.Ordinal);

        Assert.Equal(BenchmarkModelId, (int)(await _api.JsonAsync($"/api/v1/models?ids={BenchmarkModelId}"))["items"]![0]!["id"]!);
        var found = (await _api.JsonAsync("/api/v1/models?query=" + Uri.EscapeDataString("ModelHub Benchmark Checkpoint")))["items"]!.AsArray();
        Assert.Equal(BenchmarkModelId, (int)found[0]!["id"]!);
        Assert.Equal(BenchmarkVersionId, (int)(await _api.JsonAsync($"/api/v1/model-versions/{BenchmarkVersionId}"))["id"]!);
    }

    [Fact]
    public async Task TheBenchmarkCheckpointComesAfterTheCheckpointsFirstPage()
    {
        var checkpoints = await _api.AllPagesAsync("/api/v1/models?types=Checkpoint&primaryFileOnly=true");
        var position = checkpoints.Select(item => (int)item!["id"]!).ToList().IndexOf(BenchmarkModelId);
        Assert.True(position >= 100, $"the benchmark checkpoint is item {position} of the Checkpoint listing");
    }
}
