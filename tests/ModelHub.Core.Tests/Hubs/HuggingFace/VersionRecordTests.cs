using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using Xunit;

namespace ModelHub.Tests.Hubs.HuggingFace;

/// <summary>A version's record on the Hub: the whole model info at that commit, as the Hub sent it.</summary>
public sealed class VersionRecordTests : IDisposable
{
    private const string Repo = "stabilityai/stable-diffusion-2-1";
    private const string Commit = "5cae40e6a2745ae2b01ad92ae5043f95f23644d6";

    private readonly HfSourceFixture _hf = new();

    public void Dispose() => _hf.Dispose();

    [Fact]
    public async Task The_record_is_the_model_info_at_the_commit_without_expand_as_sent()
    {
        var recorded = HfSourceFixture.Recorded("model-info-stabilityai--stable-diffusion-2-1.json");
        _hf.Hub.Then(() => HfSourceFixture.Json(recorded));

        var record = await GetAsync(Repo, Commit);

        Assert.Equal(new[] { $"https://hf.example/api/models/{Repo}/revision/{Commit}" }, _hf.Requested);
        Assert.Equal(recorded, record);
    }

    [Fact]
    public async Task A_revision_the_repo_lacks_is_not_found()
    {
        _hf.Hub.Then(() => HfSourceFixture.Error(404, "RevisionNotFound", "Invalid rev id: nope"));

        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => GetAsync(Repo, "nope"));

        Assert.Equal(ErrorIds.HubRevisionNotFound, error.ErrorId);
    }

    [Fact]
    public async Task A_revision_with_a_slash_is_escaped_whole()
    {
        _hf.Hub.Then(() => HfSourceFixture.Json($$"""{"_id":"1","id":"{{Repo}}","sha":"{{Commit}}"}"""));

        await GetAsync(Repo, "refs/pr/1");

        Assert.Equal(new[] { $"https://hf.example/api/models/{Repo}/revision/refs%2Fpr%2F1" }, _hf.Requested);
    }

    [Fact]
    public async Task Malformed_JSON_is_an_invalid_response()
    {
        _hf.Hub.Then(() => HfSourceFixture.Json("""{"_id":"1","id":"""));

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => GetAsync(Repo, Commit));

        Assert.Equal(ErrorIds.InvalidHubResponse, error.ErrorId);
    }

    [Fact]
    public async Task JSON_that_is_not_a_model_object_is_an_invalid_response()
    {
        _hf.Hub.Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""["not","a","model"]""", Encoding.UTF8, "application/json") });

        await Assert.ThrowsAsync<InvalidHubResponseException>(() => GetAsync(Repo, Commit));
    }

    private Task<string> GetAsync(string repo, string revision) => _hf.Source.GetVersionRecordAsync(repo, revision, HubCallOptions.Default, CancellationToken.None);
}
