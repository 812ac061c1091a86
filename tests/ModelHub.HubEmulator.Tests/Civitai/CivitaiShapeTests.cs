using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>
/// Generated records have the recorded ones' shape, per endpoint: every field of the recorded sample, with the same JSON
/// type. Modern-shaped models against the 2025 captures, 2023-shaped ones against the wiki samples.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CivitaiShapeTests
{
    /// <summary>Listings show a file's primary only when true.</summary>
    private const string Optional = "primary";

    private readonly EmulatorFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly CivitaiApi _api;

    public CivitaiShapeTests(EmulatorFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        _api = new CivitaiApi(fixture);
    }

    [Fact]
    public async Task ModernModelsAndVersionsHaveTheRecordedShape()
    {
        if (RecordedFixtures.Read(_fixture, _output, "civitai/model-1231067.json") is not { } model
            || RecordedFixtures.Read(_fixture, _output, "civitai/model-version-1387174.json") is not { } version)
        {
            return;
        }

        var generated = await GeneratedModelsAsync(JsonValueKind.Array);
        Assert.NotEmpty(generated);
        foreach (var item in generated)
        {
            var id = (int)item["id"]!;
            JsonShape.AssertConforms(model, item, $"models?nsfw=true item {id}", Optional);
            JsonShape.AssertConforms(model, await _api.JsonAsync($"/api/v1/models/{id}"), $"models/{id}", Optional);
        }

        foreach (var versionId in generated.Take(40).SelectMany(item => item["modelVersions"]!.AsArray()).Select(summary => (int)summary!["id"]!))
        {
            JsonShape.AssertConforms(version, await _api.JsonAsync($"/api/v1/model-versions/{versionId}"), $"model-versions/{versionId}");
        }
    }

    [Fact]
    public async Task ModelsIn2023ShapeHaveTheWikiShape()
    {
        if (RecordedFixtures.Read(_fixture, _output, "civitai/wiki-models-page-textualinversion.json") is not { } page
            || RecordedFixtures.Read(_fixture, _output, "civitai/wiki-model-version-1318.json") is not { } version)
        {
            return;
        }

        var generated = await GeneratedModelsAsync(JsonValueKind.String);
        Assert.NotEmpty(generated);
        foreach (var item in generated)
        {
            var id = (int)item["id"]!;
            JsonShape.AssertConforms(page["items"]![0], item, $"models?nsfw=true item {id}", Optional);
            foreach (var versionId in item["modelVersions"]!.AsArray().Select(summary => (int)summary!["id"]!))
            {
                JsonShape.AssertConforms(version, await _api.JsonAsync($"/api/v1/model-versions/{versionId}"), $"model-versions/{versionId}");
            }
        }
    }

    [Fact]
    public async Task ImagesHaveTheRecordedShape()
    {
        if (RecordedFixtures.Read(_fixture, _output, "civitai/images-page-limit1-2024.json") is not { } page)
        {
            return;
        }

        var images = (await _api.JsonAsync("/api/v1/images?nsfw=X&limit=200"))["items"]!.AsArray();
        Assert.Equal(200, images.Count);
        foreach (var image in images.Where(image => (long)image!["id"]! != (long)page["items"]![0]!["id"]!))
        {
            JsonShape.AssertConforms(page["items"]![0], image, $"images item {image!["id"]}");
        }
    }

    /// <summary>
    /// Healthy generated models (not archived: those drop downloadUrl) whose allowCommercialUse is an array (modern)
    /// or a string (2023), from every level of the catalogue.
    /// </summary>
    private async Task<JsonObject[]> GeneratedModelsAsync(JsonValueKind commercialUse) =>
        (await _api.AllPagesAsync("/api/v1/models?nsfw=true"))
            .Select(item => item!.AsObject())
            .Where(item => (int)item["id"]! is >= 1_500_000 and < 3_000_000 && item["mode"] is null && item["allowCommercialUse"]!.GetValueKind() == commercialUse)
            .ToArray();
}
