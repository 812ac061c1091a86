using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ModelHub.HubEmulator.Civitai.Catalog;
using Xunit;
using Xunit.Abstractions;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>The recorded (and source-derived) error bodies and the recorded download redirect, against what the emulator answers.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class CivitaiRecordedErrorsTests
{
    private readonly EmulatorFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly CivitaiApi _api;

    public CivitaiRecordedErrorsTests(EmulatorFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        _api = new CivitaiApi(fixture);
    }

    [Theory]
    [InlineData("civitai/docs-error-404-model.json", "/api/v1/models/0", 404)]
    [InlineData("civitai/synthetic-error-404-model-version.json", "/api/v1/model-versions/0", 404)]
    [InlineData("civitai/synthetic-error-400-query-with-page.json", "/api/v1/models?query=style&page=1", 400)]
    [InlineData("civitai/synthetic-error-429-too-many-pages.json", "/api/v1/models?limit=100&page=11", 429)]
    [InlineData("civitai/error-download-401-login-required.json", "/api/download/models/900102", 401)] // ShowcaseModels.LoginRequiredVersionId
    [InlineData("civitai/synthetic-error-403-early-access.json", "/api/download/models/900103", 403)] // ShowcaseModels.EarlyAccessVersionId
    public async Task ErrorBodiesAreTheRecordedOnes(string path, string request, int status)
    {
        if (RecordedFixtures.Read(_fixture, _output, path) is not { } recorded)
        {
            return;
        }

        var served = await _api.JsonAsync(request, (HttpStatusCode)status);

        // The early-access deadline is the one value that differs: the recorded one is invented, the served one a week ahead.
        if (recorded["deadline"] is not null)
        {
            recorded["deadline"] = "<deadline>";
            served["deadline"] = "<deadline>";
        }

        Assert.Equal(recorded.ToJsonString(), served.ToJsonString());
    }

    [Fact]
    public async Task TheDownloadRedirectHasTheRecordedForm()
    {
        if (RecordedFixtures.Text(_fixture, _output, "civitai/download-redirect-307-headers.txt") is not { } capture)
        {
            return;
        }

        Assert.Contains("HTTP/1.1 307 Temporary Redirect", capture, StringComparison.Ordinal);
        var recordedLocation = new Uri(capture.Split('\n').Single(line => line.StartsWith("location: ", StringComparison.Ordinal)).Substring("location: ".Length).Trim());

        using var response = await _api.SendAsync($"/api/download/models/{ShowcaseModels.LoginRequiredVersionId}", EmulatorTokens.CivitaiValid);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(ParameterNames(recordedLocation), ParameterNames(response.Headers.Location!));
    }

    private static string[] ParameterNames(Uri location) =>
        location.Query.TrimStart('?').Split('&').Select(pair => pair.Split('=')[0]).ToArray();
}
