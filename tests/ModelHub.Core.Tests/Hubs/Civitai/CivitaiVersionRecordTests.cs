using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Hubs.Civitai;

/// <summary>A version's record as Civitai sent it (written as .civitai.info): the text itself, checked, never rebuilt.</summary>
public sealed class CivitaiVersionRecordTests : IDisposable
{
    private readonly CivitaiHarness _civitai = new();

    public void Dispose() => _civitai.Dispose();

    [Fact]
    public async Task The_record_is_the_model_version_answer_character_for_character()
    {
        _civitai.AnswerRecorded("model-version-1387174.json");

        var record = await GetAsync("1231067", "1387174");

        Assert.Equal(new[] { "/api/v1/model-versions/1387174" }, _civitai.Requests);
        Assert.Equal(RecordedResponses.Read("civitai/model-version-1387174.json"), record);
    }

    [Fact]
    public async Task A_version_of_another_model_is_not_found_under_this_one()
    {
        _civitai.AnswerRecorded("model-version-1387174.json");

        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => GetAsync("42", "1387174"));

        Assert.Equal((ErrorIds.HubModelNotFound, "42@1387174"), (error.ErrorId, error.Target));
        Assert.Contains("belongs to model 1231067", error.Message);
    }

    [Fact]
    public async Task Truncated_JSON_is_an_invalid_response()
    {
        var whole = RecordedResponses.Read("civitai/model-version-1387174.json");
        _civitai.Answer(whole.Substring(0, whole.Length / 2));

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => GetAsync("1231067", "1387174"));

        Assert.Equal(ErrorIds.InvalidHubResponse, error.ErrorId);
    }

    [Fact]
    public async Task An_answer_that_is_not_JSON_is_an_invalid_response()
    {
        _civitai.Hub.Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("id: 1387174", Encoding.UTF8, "text/plain") });

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => GetAsync("1231067", "1387174"));

        Assert.Contains("text/plain", error.Message);
    }

    [Fact]
    public async Task An_answer_without_an_id_is_an_invalid_response()
    {
        _civitai.Answer("""{"modelId":1231067,"name":"v1.0"}""");

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => GetAsync("1231067", "1387174"));

        Assert.Contains("id", error.Message);
    }

    [Fact]
    public async Task Ids_that_are_not_numbers_send_nothing()
    {
        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => GetAsync("1231067", "v1.0"));

        Assert.Equal("1231067@v1.0", error.Target);
        Assert.Empty(_civitai.Requests);
    }

    private Task<string> GetAsync(string modelId, string versionId) =>
        _civitai.Http.RunAsync(cancellationToken => _civitai.Source.GetVersionRecordAsync(modelId, versionId, HubCallOptions.Default, cancellationToken));
}
