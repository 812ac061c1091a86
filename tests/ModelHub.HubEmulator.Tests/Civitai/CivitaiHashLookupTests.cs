using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.HubEmulator.Civitai.Catalog;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>Versions by file hash: any of the six kinds, in any case; and the bulk lookup by SHA256.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class CivitaiHashLookupTests
{
    private static readonly string[] Kinds = ["AutoV1", "AutoV2", "SHA256", "CRC32", "BLAKE3", "AutoV3"];

    private readonly CivitaiApi _api;

    public CivitaiHashLookupTests(EmulatorFixture fixture)
    {
        _api = new CivitaiApi(fixture);
    }

    [Fact]
    public async Task EveryHashKindFindsTheVersionInEitherCase()
    {
        var (versionId, hashes) = await FullyHashedFileAsync();
        foreach (var kind in Kinds)
        {
            var hash = (string)hashes[kind]!;
            Assert.Equal(hash.ToUpperInvariant(), hash);
            foreach (var asked in new[] { hash, hash.ToLowerInvariant() })
            {
                var version = await _api.JsonAsync($"/api/v1/model-versions/by-hash/{asked}");
                Assert.True(versionId == (int)version["id"]!, $"{kind} {asked} found version {version["id"]}, not {versionId}");
            }
        }
    }

    [Fact]
    public async Task AnUnknownHashIsModelNotFound()
    {
        var body = await _api.JsonAsync("/api/v1/model-versions/by-hash/0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.NotFound);
        Assert.Equal("{\"error\":\"Model not found\"}", body.ToJsonString());
    }

    [Fact]
    public async Task TheBulkLookupAnswersMatchedHashesAndDropsTheRest()
    {
        var first = await _api.JsonAsync($"/api/v1/model-versions/{ShowcaseModels.LoginRequiredVersionId}");
        var second = await _api.JsonAsync($"/api/v1/model-versions/{ShowcaseModels.EarlyAccessVersionId}");
        var hashes = new JsonArray(
            (string)first["files"]![0]!["hashes"]!["SHA256"]!,
            new string('0', 64),
            ((string)second["files"]![0]!["hashes"]!["SHA256"]!).ToLowerInvariant());
        using var response = await Post(hashes.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var versions = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal([ShowcaseModels.LoginRequiredVersionId, ShowcaseModels.EarlyAccessVersionId], versions.Select(version => (int)version!["id"]!));
    }

    [Fact]
    public async Task TheBulkLookupTakesAtMost100Hashes()
    {
        var hashes = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode?)i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        using var response = await Post(hashes.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("100", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> Post(string json) =>
        _api.SendAsync("/api/v1/model-versions/by-hash", method: HttpMethod.Post, content: new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>A listed safetensors file with all six hashes, larger than 1 MiB + 64 KiB so its AutoV1 covers its own bytes.</summary>
    private async Task<(int VersionId, JsonObject Hashes)> FullyHashedFileAsync()
    {
        var page = await _api.JsonAsync("/api/v1/models?types=Checkpoint&limit=20");
        return page["items"]!.AsArray()
            .SelectMany(model => model!["modelVersions"]!.AsArray())
            .SelectMany(version => version!["files"]!.AsArray().Select(file => (VersionId: (int)version["id"]!, File: file!)))
            .Where(entry => entry.File["hashes"]!.AsObject().Count == 6 && (double)entry.File["sizeKB"]! > 1088)
            .Select(entry => (entry.VersionId, entry.File["hashes"]!.AsObject()))
            .First();
    }
}
