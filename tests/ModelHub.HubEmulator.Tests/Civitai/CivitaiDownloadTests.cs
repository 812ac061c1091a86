using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.HubEmulator.Civitai.Catalog;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>Downloads: 307 to a signed CDN URL named after the file, bytes whose SHA-256 the API reports, the file chosen by type/format/size/fp.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class CivitaiDownloadTests
{
    private readonly EmulatorFixture _fixture;
    private readonly CivitaiApi _api;

    public CivitaiDownloadTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _api = new CivitaiApi(fixture);
    }

    [Fact]
    public async Task ADownloadRedirectsToTheCdnWithTheFileName()
    {
        var version = await _api.JsonAsync($"/api/v1/model-versions/{ShowcaseModels.LoginRequiredVersionId}");
        var file = version["files"]!.AsArray().Single(candidate => (bool)candidate!["primary"]!)!;
        using var response = await _api.SendAsync($"/api/download/models/{ShowcaseModels.LoginRequiredVersionId}", EmulatorTokens.CivitaiValid);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var location = response.Headers.Location!;
        Assert.Equal(_fixture.Origins.Cdn.GetLeftPart(UriPartial.Authority), location.GetLeftPart(UriPartial.Authority));
        Assert.Contains("response-content-disposition=" + Uri.EscapeDataString($"attachment; filename=\"{file["name"]}\""), location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBytesHashToWhatTheApiReportsAndTheCdnGetsNoToken()
    {
        await _fixture.ResetAsync();
        var version = await _api.JsonAsync($"/api/v1/model-versions/{ShowcaseModels.LoginRequiredVersionId}");
        var file = version["files"]!.AsArray().Single(candidate => (bool)candidate!["primary"]!)!;

        // A client following the redirect with its token: HttpClient drops Authorization on the way to the other origin.
        using var following = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, _fixture.Url(OriginName.Civitai, $"/api/download/models/{ShowcaseModels.LoginRequiredVersionId}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorTokens.CivitaiValid);
        using var response = await following.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((string)file["hashes"]!["SHA256"]!, Convert.ToHexString(SHA256.HashData(bytes)));
        Assert.Equal((double)file["sizeKB"]!, bytes.Length / 1024.0);

        var civitai = Assert.Single(await _fixture.RequestsAsync(OriginName.Civitai), entry => entry.GetProperty("path").GetString() == $"/api/download/models/{ShowcaseModels.LoginRequiredVersionId}");
        Assert.True(civitai.GetProperty("authorization").GetBoolean());
        var cdn = Assert.Single(await _fixture.RequestsAsync(OriginName.Cdn));
        Assert.False(cdn.GetProperty("authorization").GetBoolean());
        Assert.Equal(200, cdn.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task EachFilesDownloadUrlGetsThatFile()
    {
        var checkpoints = (await _api.JsonAsync("/api/v1/models?types=Checkpoint&limit=30"))["items"]!.AsArray();
        var version = checkpoints.SelectMany(model => model!["modelVersions"]!.AsArray()).First(candidate => candidate!["files"]!.AsArray().Count >= 3)!;
        foreach (var file in version["files"]!.AsArray())
        {
            var url = new Uri((string)file!["downloadUrl"]!);
            Assert.Equal((bool?)file["primary"] == true, url.Query.Length == 0);
            using var response = await _api.SendAsync(url.PathAndQuery);
            Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
            Assert.EndsWith("/" + Uri.EscapeDataString((string)file["name"]!), response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("?type=Model&format=GGUF", 404, "{\"error\":\"File not found\"}")]
    [InlineData("?type=Bogus", 400, null)]
    [InlineData("?size=huge", 400, null)]
    public async Task FileParametersThatMatchNothingOrAreInvalid(string query, int status, string? body)
    {
        using var response = await _api.SendAsync($"/api/download/models/{ShowcaseModels.LoginRequiredVersionId}" + query, EmulatorTokens.CivitaiValid);
        Assert.Equal(status, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        if (body is not null)
        {
            Assert.Equal(body, text);
        }
        else
        {
            Assert.StartsWith("✖ ", (string)JsonNode.Parse(text)!["error"]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AHeadRequestRedirectsToo()
    {
        using var response = await _api.SendAsync("/api/download/models/1387174", method: HttpMethod.Head);
        if (!_fixture.Host.Services.Recorded.IsAvailable)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    [Fact]
    public async Task UnknownAndMalformedIdsGetTheServersErrors()
    {
        Assert.Equal("{\"error\":\"No model with id 42\"}", (await _api.JsonAsync("/api/v1/models/42", HttpStatusCode.NotFound)).ToJsonString());
        Assert.Equal("{\"error\":\"Model not found\"}", (await _api.JsonAsync("/api/v1/model-versions/42", HttpStatusCode.NotFound)).ToJsonString());
        Assert.Equal("✖ Invalid input: expected number, received NaN\n  → at id", (string)(await _api.JsonAsync("/api/v1/models/abc", HttpStatusCode.BadRequest))["error"]!);
        Assert.Equal("{\"error\":\"File not found\"}", (await _api.JsonAsync("/api/download/models/42", HttpStatusCode.NotFound)).ToJsonString());
    }
}
