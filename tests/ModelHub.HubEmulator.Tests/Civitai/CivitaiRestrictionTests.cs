using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.HubEmulator.Civitai.Catalog;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>
/// The documented restricted models with each documented token: login-required, early access, downloads disabled and
/// archived (<see cref="ShowcaseModels"/>); an expired token counts as anonymous except on /api/v1/me.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CivitaiRestrictionTests
{
    private const string LoginRequired = "{\"error\":\"Unauthorized\",\"message\":\"The creator of this asset requires you to be logged in to download it\"}";
    private const string DownloadsDisabled = "{\"error\":\"Unauthorized\",\"message\":\"The creator of this asset has disabled downloads on this file\"}";
    private const string Archived = "{\"error\":\"Model archived, not available for download\"}";

    private readonly CivitaiApi _api;

    public CivitaiRestrictionTests(EmulatorFixture fixture)
    {
        _api = new CivitaiApi(fixture);
    }

    [Theory]
    [InlineData(ShowcaseModels.LoginRequiredVersionId, null, 401, LoginRequired)]
    [InlineData(ShowcaseModels.LoginRequiredVersionId, EmulatorTokens.CivitaiValid, 307, "")]
    [InlineData(ShowcaseModels.LoginRequiredVersionId, EmulatorTokens.CivitaiNoAccess, 307, "")]
    [InlineData(ShowcaseModels.LoginRequiredVersionId, EmulatorTokens.CivitaiExpired, 401, LoginRequired)]
    [InlineData(ShowcaseModels.DownloadsDisabledVersionId, null, 401, DownloadsDisabled)]
    [InlineData(ShowcaseModels.DownloadsDisabledVersionId, EmulatorTokens.CivitaiValid, 401, DownloadsDisabled)]
    [InlineData(ShowcaseModels.DownloadsDisabledVersionId, EmulatorTokens.CivitaiNoAccess, 401, DownloadsDisabled)]
    [InlineData(ShowcaseModels.DownloadsDisabledVersionId, EmulatorTokens.CivitaiExpired, 401, DownloadsDisabled)]
    [InlineData(ShowcaseModels.ArchivedVersionId, null, 410, Archived)]
    [InlineData(ShowcaseModels.ArchivedVersionId, EmulatorTokens.CivitaiValid, 410, Archived)]
    [InlineData(ShowcaseModels.ArchivedVersionId, EmulatorTokens.CivitaiNoAccess, 410, Archived)]
    [InlineData(ShowcaseModels.ArchivedVersionId, EmulatorTokens.CivitaiExpired, 410, Archived)]
    public async Task RestrictedDownloadsAnswerPerToken(int versionId, string? token, int status, string body)
    {
        using var response = await _api.SendAsync($"/api/download/models/{versionId}", token);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 403)]
    [InlineData(EmulatorTokens.CivitaiValid, 307)]
    [InlineData(EmulatorTokens.CivitaiNoAccess, 403)]
    [InlineData(EmulatorTokens.CivitaiExpired, 403)]
    public async Task EarlyAccessIsForItsOwnerOnly(string? token, int status)
    {
        using var response = await _api.SendAsync($"/api/download/models/{ShowcaseModels.EarlyAccessVersionId}", token);
        Assert.Equal(status, (int)response.StatusCode);
        if (status == 403)
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            Assert.Equal("Early Access", (string)body["error"]!);
            Assert.Equal("This asset is in Early Access. You can use Buzz access it now!", (string)body["message"]!);
            Assert.True(DateTimeOffset.Parse((string)body["deadline"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task TheTokenQueryParameterWorksLikeTheHeader()
    {
        using var response = await _api.SendAsync($"/api/download/models/{ShowcaseModels.LoginRequiredVersionId}?token={EmulatorTokens.CivitaiNoAccess}");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    [Fact]
    public async Task RestrictedModelsShowWhatTheyAre()
    {
        var earlyAccess = await _api.JsonAsync($"/api/v1/models/{ShowcaseModels.EarlyAccessModelId}");
        Assert.Equal("EarlyAccess", (string)earlyAccess["availability"]!);
        Assert.NotNull(earlyAccess["modelVersions"]![0]!["earlyAccessDeadline"]);
        Assert.NotNull((await _api.JsonAsync($"/api/v1/model-versions/{ShowcaseModels.EarlyAccessVersionId}"))["earlyAccessEndsAt"]);

        Assert.Equal("Generation", (string)(await _api.JsonAsync($"/api/v1/model-versions/{ShowcaseModels.DownloadsDisabledVersionId}"))["usageControl"]!);

        var archived = await _api.JsonAsync($"/api/v1/models/{ShowcaseModels.ArchivedModelId}");
        Assert.Equal("Archived", (string)archived["mode"]!);
        var version = archived["modelVersions"]![0]!.AsObject();
        Assert.False(version.ContainsKey("downloadUrl"));
        Assert.False(version["files"]![0]!.AsObject().ContainsKey("downloadUrl"));
        Assert.False((await _api.JsonAsync($"/api/v1/models/{ShowcaseModels.BenchmarkModelId}")).AsObject().ContainsKey("mode"));
    }

    [Fact]
    public async Task BrowsersGetTextAndRedirectsToPages()
    {
        using (var login = await _api.SendAsync($"/api/download/models/{ShowcaseModels.LoginRequiredVersionId}", userAgent: CivitaiApi.BrowserAgent))
        {
            Assert.Equal(HttpStatusCode.TemporaryRedirect, login.StatusCode);
            Assert.Equal($"/login?reason=download-auth&returnUrl=%2Fmodel-versions%2F{ShowcaseModels.LoginRequiredVersionId}", login.Headers.Location!.OriginalString);
            await AssertHtmlPageAsync(login.Headers.Location.OriginalString);
        }

        using (var earlyAccess = await _api.SendAsync($"/api/download/models/{ShowcaseModels.EarlyAccessVersionId}", userAgent: CivitaiApi.BrowserAgent))
        {
            Assert.Equal(HttpStatusCode.TemporaryRedirect, earlyAccess.StatusCode);
            Assert.Equal($"/model-versions/{ShowcaseModels.EarlyAccessVersionId}", earlyAccess.Headers.Location!.OriginalString);
            await AssertHtmlPageAsync(earlyAccess.Headers.Location.OriginalString);
        }

        using (var archived = await _api.SendAsync($"/api/download/models/{ShowcaseModels.ArchivedVersionId}", userAgent: CivitaiApi.BrowserAgent))
        {
            Assert.Equal(HttpStatusCode.Gone, archived.StatusCode);
            Assert.StartsWith("text/plain", archived.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            Assert.Equal("Model archived, not available for download", await archived.Content.ReadAsStringAsync());
        }

        using (var missing = await _api.SendAsync("/api/download/models/1", userAgent: CivitaiApi.BrowserAgent))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("File not found", await missing.Content.ReadAsStringAsync());
        }

        using var disabled = await _api.SendAsync($"/api/download/models/{ShowcaseModels.DownloadsDisabledVersionId}", userAgent: CivitaiApi.BrowserAgent);
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
        Assert.Equal(DownloadsDisabled, await disabled.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, 401, null)]
    [InlineData(EmulatorTokens.CivitaiValid, 200, "emulator-user")]
    [InlineData(EmulatorTokens.CivitaiNoAccess, 200, "emulator-visitor")]
    [InlineData(EmulatorTokens.CivitaiExpired, 401, null)]
    public async Task MeNamesTheTokensUser(string? token, int status, string? username)
    {
        var body = await _api.JsonAsync("/api/v1/me", (HttpStatusCode)status, token);
        if (username is null)
        {
            Assert.Equal("{\"error\":\"Unauthorized\"}", body.ToJsonString());
        }
        else
        {
            Assert.Equal(username, (string)body["username"]!);
        }
    }

    [Theory]
    [InlineData("favorites=true", null, 401)]
    [InlineData("hidden=false", null, 401)]
    [InlineData("favorites=true", EmulatorTokens.CivitaiExpired, 401)]
    [InlineData("favorites=true", EmulatorTokens.CivitaiValid, 200)]
    [InlineData("hidden=true", EmulatorTokens.CivitaiNoAccess, 200)]
    public async Task FavoritesAndHiddenNeedASignedInUser(string parameter, string? token, int status)
    {
        var body = await _api.JsonAsync("/api/v1/models?" + parameter, (HttpStatusCode)status, token);
        Assert.Equal(status == 200 ? "{\"items\":[],\"metadata\":{}}" : "{\"error\":\"Unauthorized\"}", body.ToJsonString());
    }

    [Fact]
    public async Task PersonOfInterestModelsDoNotDownload()
    {
        var poi = (await _api.AllPagesAsync("/api/v1/models?nsfw=true")).Where(model => (bool)model!["poi"]!).ToList();
        Assert.NotEmpty(poi);
        foreach (var model in poi)
        {
            var versionId = (int)model!["modelVersions"]![0]!["id"]!;
            using var response = await _api.SendAsync($"/api/download/models/{versionId}", EmulatorTokens.CivitaiValid);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("{\"error\":\"File not found\"}", await response.Content.ReadAsStringAsync());
        }
    }

    private async Task AssertHtmlPageAsync(string relative)
    {
        using var page = await _api.SendAsync(relative, userAgent: CivitaiApi.BrowserAgent);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }
}
