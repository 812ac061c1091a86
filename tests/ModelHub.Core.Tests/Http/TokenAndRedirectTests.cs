using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ModelHub.Errors;
using ModelHub.Http;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Http;

public sealed class TokenAndRedirectTests : IDisposable
{
    private readonly HttpHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Sends_the_token_to_its_own_hub_as_a_bearer_header()
    {
        _harness.Hub.Then(() => FakeHub.Status(200));

        await _harness.SendAsync(_harness.Request());

        Assert.Equal("Bearer " + HttpHarness.Token, _harness.Hub.Requests.Single().Authorization);
    }

    [Fact]
    public async Task Drops_the_token_when_a_redirect_leaves_the_hubs_origin()
    {
        _harness.Hub.Then(() => FakeHub.Redirect("https://cdn.example/file/1?X-Amz-Signature=abc"), () => FakeHub.Status(200));

        using var response = await _harness.SendAsync(_harness.Request(path: "api/download/models/1"));

        Assert.Equal(2, _harness.Hub.Requests.Count);
        Assert.NotNull(_harness.Hub.Requests[0].Authorization);
        Assert.Equal("cdn.example", _harness.Hub.Requests[1].Uri.Host);
        Assert.Null(_harness.Hub.Requests[1].Authorization);
        Assert.Equal("https://cdn.example/file/1?X-Amz-Signature=abc", response.RequestMessage!.RequestUri!.ToString());
    }

    [Fact]
    public async Task Treats_another_port_as_another_origin()
    {
        _harness.Hub.Then(() => FakeHub.Redirect("https://civitai.example:8443/x"), () => FakeHub.Status(200));

        await _harness.SendAsync(_harness.Request());

        Assert.NotNull(_harness.Hub.Requests[0].Authorization);
        Assert.Null(_harness.Hub.Requests[1].Authorization);
    }

    [Fact]
    public async Task Keeps_the_token_on_a_relative_redirect_within_the_hub()
    {
        _harness.Hub.Then(() => FakeHub.Redirect("/api/models/google-bert/bert-base-uncased"), () => FakeHub.Status(200));

        await _harness.SendAsync(_harness.Request(ModelHub.Hub.HuggingFace, "api/models/bert-base-uncased"));

        Assert.Equal(new Uri(HttpHarness.HuggingFaceOrigin + "/api/models/google-bert/bert-base-uncased"), _harness.Hub.Requests[1].Uri);
        Assert.Equal("Bearer " + HttpHarness.Token, _harness.Hub.Requests[1].Authorization);
    }

    [Fact]
    public async Task Never_sends_one_hubs_token_to_the_other_hub()
    {
        _harness.Hub.Then(() => FakeHub.Redirect(HttpHarness.HuggingFaceOrigin + "/x"), () => FakeHub.Status(200));

        await _harness.SendAsync(_harness.Request(ModelHub.Hub.Civitai));

        Assert.Null(_harness.Hub.Requests[1].Authorization);
    }

    [Fact]
    public async Task Can_hand_back_a_redirect_instead_of_following_it()
    {
        _harness.Hub.Then(() => FakeHub.Redirect("https://cdn.example/f", 302));

        using var response = await _harness.SendAsync(_harness.Request(followRedirects: false));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Single(_harness.Hub.Requests);
    }

    [Fact]
    public async Task Refuses_a_redirect_to_plain_http_on_a_remote_host()
    {
        _harness.Hub.Then(() => FakeHub.Redirect("http://cdn.example/file"));

        var error = await Assert.ThrowsAsync<ModelHubConfigurationException>(() => _harness.SendAsync(_harness.Request()));

        Assert.Equal(ErrorIds.InsecureEndpoint, error.ErrorId);
        Assert.Single(_harness.Hub.Requests);
    }

    [Fact]
    public async Task Gives_up_on_a_redirect_loop()
    {
        _harness.Hub.Then(() => FakeHub.Redirect("/loop"));

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => _harness.SendAsync(_harness.Request()));

        Assert.Contains("more than 10 times", error.Message);
    }

    [Fact]
    public async Task Identifies_itself_with_a_non_browser_user_agent_on_every_hop()
    {
        _harness.Hub.Then(() => FakeHub.Redirect("https://cdn.example/f"), () => FakeHub.Status(200));

        await _harness.SendAsync(_harness.Request());

        Assert.All(_harness.Hub.Requests, request =>
        {
            Assert.Matches(@"^ModelHub/\d+\.\d+\.\d+", request.UserAgent);
            Assert.DoesNotContain("Mozilla", request.UserAgent, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [InlineData("http://civitai.example")]
    [InlineData("http://10.0.0.5:8080")]
    public async Task Refuses_an_insecure_endpoint_before_sending_anything(string endpoint)
    {
        _harness.Environment[EnvironmentVariables.CivitaiEndpoint] = endpoint;

        var error = await Assert.ThrowsAsync<ModelHubConfigurationException>(() => _harness.SendAsync(_harness.Request()));

        Assert.Equal(ErrorIds.InsecureEndpoint, error.ErrorId);
        Assert.Equal(HubErrorCategory.SecurityError, error.Category);
        Assert.Empty(_harness.Hub.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:41234")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("http://127.8.9.10")]
    public async Task Accepts_plain_http_on_loopback(string endpoint)
    {
        _harness.Environment[EnvironmentVariables.CivitaiEndpoint] = endpoint;
        _harness.Hub.Then(() => FakeHub.Status(200));

        await _harness.SendAsync(_harness.Request());

        Assert.Single(_harness.Hub.Requests);
        Assert.NotNull(_harness.Hub.Requests[0].Authorization);
    }

    [Fact]
    public async Task Keeps_tokens_and_signatures_out_of_traces_and_errors()
    {
        _harness.Hub.Then(() => FakeHub.Json(HttpStatusCode.BadRequest, "{\"error\":\"bad token " + HttpHarness.Token + "\"}"));
        var request = _harness.Request(path: "api/download/models/1?token=" + HttpHarness.Token + "&X-Amz-Signature=deadbeef&type=Model");

        var error = await Assert.ThrowsAnyAsync<ModelHubException>(() => _harness.SendAsync(request));

        var everything = string.Join("\n", _harness.Trace.Lines) + error.Message + error.RecommendedAction + error.Target + error;
        Assert.DoesNotContain(HttpHarness.Token, everything);
        Assert.DoesNotContain("deadbeef", everything);
        Assert.Contains("token=***", everything);
        Assert.Contains("type=Model", everything);
    }

    [Theory]
    [InlineData("https://h/x?token=abc", "https://h/x?token=***")]
    [InlineData("https://h/x?a=1&Token=abc&b=2", "https://h/x?a=1&Token=***&b=2")]
    [InlineData("https://h/x?X-Amz-Credential=k%2Fus&X-Amz-Signature=s", "https://h/x?X-Amz-Credential=***&X-Amz-Signature=***")]
    [InlineData("https://h/x?limit=1", "https://h/x?limit=1")]
    [InlineData("https://h/x", "https://h/x")]
    public void Redacts_secret_query_parameters(string url, string expected) =>
        Assert.Equal(expected, Redaction.Url(new Uri(url)));

    [Fact]
    public void A_token_never_shows_in_its_text() =>
        Assert.DoesNotContain("s3cr3t", new HubToken("s3cr3t", EnvironmentVariables.HfToken).ToString());
}
