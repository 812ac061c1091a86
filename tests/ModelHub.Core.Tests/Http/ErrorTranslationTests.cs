using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ModelHub.Errors;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Http;

public sealed class ErrorTranslationTests : IDisposable
{
    private readonly HttpHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    public static IEnumerable<object?[]> Table() => new[]
    {
        // hub, status, X-Error-Code, X-Error-Message, body, error id, category
        Row(Hub.Civitai, 404, null, null, "{ \"error\": \"No model with id 0\" }", ErrorIds.HubModelNotFound, HubErrorCategory.ObjectNotFound),
        Row(Hub.Civitai, 404, null, null, "<html>not found</html>", ErrorIds.HubModelNotFound, HubErrorCategory.ObjectNotFound),
        Row(Hub.HuggingFace, 401, "RepoNotFound", "Repository Not Found for url", "{\"error\":\"Repository not found\"}", ErrorIds.HubModelNotFound, HubErrorCategory.ObjectNotFound),
        Row(Hub.HuggingFace, 404, "RevisionNotFound", "Invalid rev id: nope", "{\"error\":\"Invalid rev id: nope\"}", ErrorIds.HubRevisionNotFound, HubErrorCategory.ObjectNotFound),
        Row(Hub.HuggingFace, 404, "EntryNotFound", "Entry not found", "{\"error\":\"Entry not found\"}", ErrorIds.HubFileNotFound, HubErrorCategory.ObjectNotFound),
        Row(Hub.HuggingFace, 401, "GatedRepo", "Access to model black-forest-labs/FLUX.1-dev is restricted. You must have access to it and be authenticated to access it. Please log in.", "", ErrorIds.GatedModelAccessDenied, HubErrorCategory.PermissionDenied),
        Row(Hub.HuggingFace, 403, "GatedRepo", "Access to model a/b is restricted and you are not in the authorized list. Visit https://huggingface.co/a/b to ask for access.", "", ErrorIds.GatedModelAccessDenied, HubErrorCategory.PermissionDenied),
        Row(Hub.HuggingFace, 401, null, "Invalid credentials in Authorization header", "{\"error\":\"Invalid credentials in Authorization header\"}", ErrorIds.HubTokenInvalid, HubErrorCategory.AuthenticationError),
        Row(Hub.Civitai, 401, null, null, "{\"error\":\"Unauthorized\",\"message\":\"The creator of this asset requires you to be logged in to download it\"}", ErrorIds.HubAuthenticationRequired, HubErrorCategory.AuthenticationError),
        Row(Hub.Civitai, 401, null, null, "{\"error\":\"Unauthorized\",\"message\":\"The creator of this asset has disabled downloads on this file\"}", ErrorIds.DownloadDisabled, HubErrorCategory.PermissionDenied),
        Row(Hub.Civitai, 403, null, null, "{\"error\":\"Early Access\",\"deadline\":\"2025-01-01T00:00:00.000Z\",\"message\":\"This asset is in Early Access.\"}", ErrorIds.EarlyAccessRequired, HubErrorCategory.PermissionDenied),
        Row(Hub.Civitai, 403, null, null, "{\"error\":\"You do not have access to download this file\"}", ErrorIds.HubAccessDenied, HubErrorCategory.PermissionDenied),
        Row(Hub.Civitai, 403, null, null, "<!DOCTYPE html><html><title>Just a moment...</title></html>", ErrorIds.HubUnavailable, HubErrorCategory.ConnectionError),
        Row(Hub.Civitai, 410, null, null, "{\"error\":\"Model archived, not available for download\"}", ErrorIds.HubModelArchived, HubErrorCategory.ObjectNotFound),
        Row(Hub.Civitai, 400, null, null, "{\"error\":\"Cannot use page param with query search. Use cursor-based pagination.\"}", ErrorIds.InvalidHubRequest, HubErrorCategory.InvalidArgument),
        Row(Hub.Civitai, 400, null, null, "{\"error\":{\"issues\":[{\"code\":\"too_big\",\"path\":[\"limit\"]}]}}", ErrorIds.InvalidHubRequest, HubErrorCategory.InvalidArgument),
        Row(Hub.Civitai, 429, null, null, "{\"error\":\"You've requested too many pages, please use cursors instead\"}", ErrorIds.HubPageLimitExceeded, HubErrorCategory.LimitsExceeded),
        Row(Hub.Civitai, 429, null, null, "<html><title>Rate limited</title></html>", ErrorIds.HubRateLimited, HubErrorCategory.LimitsExceeded),
        Row(Hub.Civitai, 405, null, null, "{\"error\":\"Method not allowed\"}", ErrorIds.HubRequestFailed, HubErrorCategory.InvalidOperation),
        Row(Hub.HuggingFace, 500, null, null, "{\"error\":\"Internal Error\"}", ErrorIds.HubUnavailable, HubErrorCategory.ConnectionError),
        Row(Hub.Civitai, 524, null, null, "<html>A timeout occurred</html>", ErrorIds.HubUnavailable, HubErrorCategory.ConnectionError),
    };

    private static object?[] Row(Hub hub, int status, string? errorCode, string? errorMessage, string body, string errorId, HubErrorCategory category) =>
        new object?[] { hub, status, errorCode, errorMessage, body, errorId, category };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Translates_each_failure_to_its_error_id_and_category(Hub hub, int status, string? errorCode, string? errorMessage, string body, string errorId, HubErrorCategory category)
    {
        _harness.Hub.Then(() =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status)
            {
                Content = new StringContent(body, Encoding.UTF8, body.StartsWith("<", StringComparison.Ordinal) ? "text/html" : "application/json"),
            };
            if (errorCode is not null)
            {
                response.Headers.TryAddWithoutValidation("X-Error-Code", errorCode);
            }

            if (errorMessage is not null)
            {
                response.Headers.TryAddWithoutValidation("X-Error-Message", errorMessage);
            }

            return response;
        });

        var error = await Assert.ThrowsAnyAsync<ModelHubException>(() => _harness.SendAsync(_harness.Request(hub, retry: HttpHarness.FastRetries with { MaxRetries = 0 }, target: "some/model")));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(category, error.Category);
        Assert.Equal(hub, error.Hub);
        Assert.Equal("some/model", error.Target);
        Assert.Equal(status, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
    }

    [Fact]
    public async Task Early_access_says_when_it_ends()
    {
        _harness.Hub.Then(() => FakeHub.Json(HttpStatusCode.Forbidden, "{\"error\":\"Early Access\",\"deadline\":\"2025-01-01T00:00:00.000Z\",\"message\":\"x\"}"));

        var error = await Assert.ThrowsAsync<HubAccessDeniedException>(() => _harness.SendAsync(_harness.Request()));

        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), error.AvailableAt);
        Assert.Contains("2025-01-01", error.Message);
    }

    [Fact]
    public async Task A_gated_repository_names_the_page_where_access_is_requested()
    {
        _harness.Hub.Then(() =>
        {
            var response = FakeHub.Json(HttpStatusCode.Forbidden, "{}");
            response.Headers.TryAddWithoutValidation("X-Error-Code", "GatedRepo");
            response.Headers.TryAddWithoutValidation("X-Error-Message", "Access to model a/b is restricted and you are not in the authorized list. Visit https://huggingface.co/a/b to ask for access.");
            return response;
        });

        var error = await Assert.ThrowsAsync<HubAccessDeniedException>(() => _harness.SendAsync(_harness.Request(Hub.HuggingFace, target: "a/b")));

        Assert.Equal(new Uri("https://huggingface.co/a/b"), error.AccessPage);
        Assert.Contains("https://huggingface.co/a/b", error.RecommendedAction);
    }

    [Fact]
    public async Task Truncated_json_is_an_invalid_hub_response()
    {
        _harness.Hub.Then(() => FakeHub.Json(HttpStatusCode.OK, "{\"items\":[{\"id\":1},{\"id\""));

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => _harness.GetJsonAsync(_harness.Request()));

        Assert.Equal(HubErrorCategory.InvalidResult, error.Category);
        Assert.Contains("malformed or truncated JSON", error.Message);
    }

    [Fact]
    public async Task An_html_page_instead_of_json_means_the_hub_is_unavailable()
    {
        _harness.Hub.Then(() => FakeHub.Html(HttpStatusCode.OK));

        var error = await Assert.ThrowsAsync<HubUnavailableException>(() => _harness.GetJsonAsync(_harness.Request()));

        Assert.Contains("HTML page", error.Message);
    }

    [Fact]
    public async Task Another_content_type_instead_of_json_is_an_invalid_hub_response()
    {
        _harness.Hub.Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("id=1", Encoding.UTF8, "text/plain") });

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => _harness.GetJsonAsync(_harness.Request()));

        Assert.Contains("text/plain", error.Message);
    }

    /// <summary>The error bodies recorded from the real hubs (../shared/hub-api/fixtures), when that folder is present.</summary>
    [Theory]
    [InlineData("civitai/docs-error-404-model.json", 404, ErrorIds.HubModelNotFound)]
    [InlineData("civitai/synthetic-error-404-model-version.json", 404, ErrorIds.HubModelNotFound)]
    [InlineData("civitai/error-download-401-login-required.json", 401, ErrorIds.HubAuthenticationRequired)]
    [InlineData("civitai/synthetic-error-403-early-access.json", 403, ErrorIds.EarlyAccessRequired)]
    [InlineData("civitai/synthetic-error-429-too-many-pages.json", 429, ErrorIds.HubPageLimitExceeded)]
    [InlineData("civitai/synthetic-error-400-query-with-page.json", 400, ErrorIds.InvalidHubRequest)]
    public async Task Translates_the_recorded_civitai_error_bodies(string fixture, int status, string errorId)
    {
        var body = RecordedResponses.Read(fixture);
        _harness.Hub.Then(() => FakeHub.Json((HttpStatusCode)status, body));

        var error = await Assert.ThrowsAnyAsync<ModelHubException>(() => _harness.SendAsync(_harness.Request()));

        Assert.Equal(errorId, error.ErrorId);
    }
}
