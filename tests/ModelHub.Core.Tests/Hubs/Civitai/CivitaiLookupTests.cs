using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Hubs.Civitai;

/// <summary>One model, its versions and a version's files; and how failures surface.</summary>
public sealed class CivitaiLookupTests : IDisposable
{
    private const string TwoVersions = """
        {"id":42,"type":"LORA","modelVersions":[
          {"id":421,"name":"v2","baseModel":"SDXL 1.0","files":[{"name":"v2.safetensors","primary":true}]},
          {"id":420,"name":"v1","baseModel":"SD 1.5","files":[{"name":"v1.safetensors","primary":true},{"name":"v1.yaml","type":"Config"}]}]}
        """;

    private readonly CivitaiHarness _civitai = new();

    public void Dispose() => _civitai.Dispose();

    [Fact]
    public async Task A_models_versions_come_newest_first_from_the_model_and_All_changes_nothing()
    {
        _civitai.Answer(TwoVersions);

        var latest = await _civitai.GetVersionsAsync("42");
        var all = await _civitai.GetVersionsAsync("42", all: true);

        Assert.Equal(new[] { "421", "420" }, latest.Select(version => version.VersionId));
        Assert.Equal(new[] { "421", "420" }, all.Select(version => version.VersionId));
        Assert.Equal(new[] { "/api/v1/models/42", "/api/v1/models/42" }, _civitai.Requests);
        Assert.All(latest, version => Assert.Equal("42", version.ModelId));
    }

    [Fact]
    public async Task Without_a_version_the_files_are_the_latest_versions()
    {
        _civitai.Answer(TwoVersions);

        var files = await _civitai.GetFilesAsync("42", null);

        Assert.Equal(new[] { "v2.safetensors" }, files.Select(file => file.Name));
        Assert.Equal("421", Assert.Single(files).VersionId);
        Assert.Equal(new[] { "/api/v1/models/42" }, _civitai.Requests);
    }

    [Fact]
    public async Task With_a_version_the_files_come_from_the_version_endpoint()
    {
        _civitai.Answer("""{"id":420,"modelId":42,"files":[{"name":"v1.safetensors","primary":true},{"name":"v1.yaml","type":"Config","primary":false}]}""");

        var files = await _civitai.GetFilesAsync("42", "420");

        Assert.Equal(new[] { "v1.safetensors", "v1.yaml" }, files.Select(file => file.Name));
        Assert.Equal(new[] { true, false }, files.Select(file => file.Primary));
        Assert.All(files, file => Assert.Equal(("42", "420"), (file.ModelId, file.VersionId)));
        Assert.Equal(new[] { "/api/v1/model-versions/420" }, _civitai.Requests);
    }

    [Fact]
    public async Task A_version_of_another_model_is_not_found_under_this_one()
    {
        _civitai.Answer("""{"id":420,"modelId":43,"files":[{"name":"other.safetensors"}]}""");

        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => _civitai.GetFilesAsync("42", "420"));

        Assert.Equal(ErrorIds.HubModelNotFound, error.ErrorId);
        Assert.Equal(HubErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal(Hub.Civitai, error.Hub);
        Assert.Equal("42@420", error.Target);
        Assert.Contains("belongs to model 43", error.Message);
        Assert.Contains("Get-HubModelVersion", error.RecommendedAction);
    }

    [Fact]
    public async Task A_version_answer_without_its_model_id_is_trusted()
    {
        _civitai.Answer("""{"id":420,"files":[{"name":"v1.safetensors"}]}""");

        Assert.Single(await _civitai.GetFilesAsync("42", "420"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("org/name")]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("4201 ")]
    public async Task An_id_that_is_not_a_number_is_not_found_without_asking_the_hub(string id)
    {
        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => _civitai.GetModelAsync(id));

        Assert.Equal(ErrorIds.HubModelNotFound, error.ErrorId);
        Assert.Equal(id, error.Target);
        Assert.Equal(Hub.Civitai, error.Hub);
        Assert.Contains("whole numbers", error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
        Assert.Empty(_civitai.Hub.Requests);
    }

    [Theory]
    [InlineData("x", "1")]
    [InlineData("1", "v1.0")]
    public async Task A_version_id_or_model_id_that_is_not_a_number_is_not_found_without_asking_the_hub(string modelId, string versionId)
    {
        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => _civitai.GetFilesAsync(modelId, versionId));

        Assert.Equal(modelId + "@" + versionId, error.Target);
        Assert.Empty(_civitai.Hub.Requests);
    }

    [Fact]
    public async Task Versions_of_an_unknown_model_are_not_found_naming_the_id()
    {
        _civitai.Hub.Then(() => FakeHub.Json(HttpStatusCode.NotFound, "{\"error\":\"No model with id 99\"}"));

        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => _civitai.GetVersionsAsync("99"));

        Assert.Equal(ErrorIds.HubModelNotFound, error.ErrorId);
        Assert.Equal("99", error.Target);
    }

    [Fact]
    public async Task A_failing_hub_is_unavailable_after_the_retries()
    {
        _civitai.Http.Environment[EnvironmentVariables.MaxRetries] = "2";
        _civitai.Hub.Then(() => FakeHub.Status(503));

        var error = await Assert.ThrowsAsync<HubUnavailableException>(() => _civitai.GetModelAsync("1"));

        Assert.Equal(ErrorIds.HubUnavailable, error.ErrorId);
        Assert.Equal("1", error.Target);
        Assert.Equal(3, _civitai.Hub.Requests.Count);
    }

    [Fact]
    public async Task A_Cloudflare_page_instead_of_a_listing_is_unavailable()
    {
        _civitai.Hub.Then(() => FakeHub.Html(HttpStatusCode.OK));

        var error = await Assert.ThrowsAsync<HubUnavailableException>(() => _civitai.SearchAsync(new ModelQuery()));

        Assert.Equal(ErrorIds.HubUnavailable, error.ErrorId);
    }

    [Fact]
    public async Task A_model_answer_without_an_id_is_an_invalid_response()
    {
        _civitai.Answer("{\"name\":\"?\"}");

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => _civitai.GetModelAsync("7"));

        Assert.Equal("7", error.Target);
        Assert.Contains("'id'", error.Message);
    }

    [Fact]
    public async Task The_callers_token_goes_with_every_request()
    {
        _civitai.Answer(TwoVersions);
        var options = new HubCallOptions { Token = "caller-token" };

        await _civitai.Http.RunAsync(cancellationToken => _civitai.Source.GetModelAsync("42", options, cancellationToken));

        Assert.Equal("Bearer caller-token", Assert.Single(_civitai.Hub.Requests).Authorization);
    }
}
