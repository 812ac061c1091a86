using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>
/// Each recorded Civitai response is served as recorded: equal JSON (values and key order) once URLs and file
/// sizes/hashes, the only things the emulator rewrites, are normalised in both.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CivitaiRecordedResponsesTests
{
    private readonly EmulatorFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly CivitaiApi _api;
    private readonly RecordedNormalizer _normalizer;

    public CivitaiRecordedResponsesTests(EmulatorFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        _api = new CivitaiApi(fixture);
        _normalizer = new RecordedNormalizer(fixture.Origins);
    }

    [Fact]
    public async Task Model1231067IsServedAsRecordedAloneAndInListings()
    {
        if (Recorded("civitai/model-1231067.json") is not { } recorded)
        {
            return;
        }

        AssertSame(recorded, await _api.JsonAsync("/api/v1/models/1231067"));
        AssertSame(recorded, (await _api.JsonAsync("/api/v1/models?ids=1231067"))["items"]![0]);
        var byQuery = await _api.JsonAsync("/api/v1/models?query=" + Uri.EscapeDataString("Vivid Impressions Storybook"));
        AssertSame(recorded, byQuery["items"]!.AsArray().Single(item => (int)item!["id"]! == 1231067));
    }

    [Fact]
    public async Task ModelVersion1387174IsServedAsRecordedByIdAndByHash()
    {
        if (Recorded("civitai/model-version-1387174.json") is not { } recorded)
        {
            return;
        }

        var served = await _api.JsonAsync("/api/v1/model-versions/1387174");
        AssertSame(recorded, served);
        var sha256 = (string)served["files"]![0]!["hashes"]!["SHA256"]!;
        AssertSame(recorded, await _api.JsonAsync("/api/v1/model-versions/by-hash/" + sha256.ToLowerInvariant()));
    }

    [Fact]
    public async Task WikiTextualInversionModelsAreServedInTheir2023Shape()
    {
        if (Recorded("civitai/wiki-models-page-textualinversion.json") is not { } recorded)
        {
            return;
        }

        var items = recorded["items"]!.AsArray();
        Assert.Equal(3, items.Count);
        var ids = string.Join(',', items.Select(item => (int)item!["id"]!));
        var listed = (await _api.JsonAsync($"/api/v1/models?types=TextualInversion&nsfw=true&ids={ids}"))["items"]!.AsArray();
        foreach (var item in items)
        {
            var id = (int)item!["id"]!;
            AssertSame(item, await _api.JsonAsync($"/api/v1/models/{id}"));
            AssertSame(item, listed.Single(model => (int)model!["id"]! == id));
        }
    }

    [Fact]
    public async Task WikiModelVersion1318IsServedAsRecorded()
    {
        if (Recorded("civitai/wiki-model-version-1318.json") is not { } recorded)
        {
            return;
        }

        AssertSame(recorded, await _api.JsonAsync("/api/v1/model-versions/1318"));
    }

    [Theory]
    [InlineData("civitai/images-page-limit1-2024.json")]
    [InlineData("civitai/wiki-images-page.json")]
    public async Task RecordedImagesAreListedAsRecorded(string path)
    {
        if (Recorded(path) is not { } recorded)
        {
            return;
        }

        foreach (var item in recorded["items"]!.AsArray())
        {
            var username = Uri.EscapeDataString((string)item!["username"]!);
            var listed = await _api.AllPagesAsync($"/api/v1/images?username={username}&nsfw=X&limit=200");
            AssertSame(item, listed.Single(image => (long)image!["id"]! == (long)item["id"]!));
        }
    }

    [Fact]
    public async Task RecordedCreatorsAreListedAsRecorded()
    {
        if (Recorded("civitai/wiki-creators-page.json") is not { } recorded)
        {
            return;
        }

        foreach (var item in recorded["items"]!.AsArray())
        {
            var listed = await _api.JsonAsync("/api/v1/creators?query=" + Uri.EscapeDataString((string)item!["username"]!));
            AssertSame(item, listed["items"]!.AsArray().First(creator => (string)creator!["username"]! == (string)item["username"]!));
        }
    }

    [Fact]
    public async Task RecordedTagsAreListedAsRecorded()
    {
        if (Recorded("civitai/wiki-tags-page.json") is not { } recorded)
        {
            return;
        }

        foreach (var item in recorded["items"]!.AsArray())
        {
            var listed = await _api.JsonAsync("/api/v1/tags?query=" + Uri.EscapeDataString((string)item!["name"]!));
            AssertSame(item, listed["items"]!.AsArray().First(tag => (string)tag!["name"]! == (string)item["name"]!));
        }
    }

    [Fact]
    public async Task EnumsAreServedAsRecorded()
    {
        if (Recorded("civitai/enums.json") is not { } recorded)
        {
            return;
        }

        AssertSame(recorded, await _api.JsonAsync("/api/v1/enums"));
    }

    [Theory]
    [InlineData(1387174)]
    [InlineData(1318)]
    [InlineData(9857)]
    public async Task RecordedVersionsDownloadBytesMatchingTheServedHashes(int versionId)
    {
        if (Recorded("civitai/model-version-1387174.json") is null)
        {
            return;
        }

        var version = await _api.JsonAsync($"/api/v1/model-versions/{versionId}");
        var file = version["files"]!.AsArray().Single(candidate => (bool)candidate!["primary"]!)!;
        using var redirect = await _api.SendAsync($"/api/download/models/{versionId}");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        var bytes = await _fixture.Http.GetByteArrayAsync(redirect.Headers.Location);
        Assert.Equal((double)file["sizeKB"]!, bytes.Length / 1024.0);
        Assert.Equal((string)file["hashes"]!["SHA256"]!, Convert.ToHexString(SHA256.HashData(bytes)));
    }

    private JsonNode? Recorded(string path) => RecordedFixtures.Read(_fixture, _output, path);

    private void AssertSame(JsonNode? recorded, JsonNode? served) =>
        Assert.Equal(_normalizer.Normalize(recorded), _normalizer.Normalize(served));
}
