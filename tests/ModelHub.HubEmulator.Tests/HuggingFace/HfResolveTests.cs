using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.HubEmulator.HuggingFace;
using Xunit;

namespace ModelHub.HubEmulator.Tests.HuggingFace;

/// <summary>HEAD/GET /{repo}/resolve/…: git files direct, LFS files through the CDN, the Xet file-info answer.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class HfResolveTests
{
    private const string LoraWeights = "pytorch_lora_weights.safetensors";

    private readonly EmulatorFixture _fixture;
    private readonly HfRequests _hf;

    public HfResolveTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _hf = new HfRequests(fixture.Http, fixture.Origins);
    }

    [Fact]
    public async Task Git_file_is_served_directly_with_its_git_blob_id_as_etag()
    {
        var entry = await TreeEntryAsync(HfRepoIds.ExampleLora, "README.md");
        var head = (await _hf.JsonAsync($"/api/models/{HfRepoIds.ExampleLora}"))["sha"]!.GetValue<string>();

        using var response = await _hf.GetAsync($"/{HfRepoIds.ExampleLora}/resolve/main/README.md");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{entry["oid"]}\"", response.Headers.ETag!.Tag);
        Assert.Equal(head, HfRequests.Header(response, "X-Repo-Commit"));
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("bytes", HfRequests.Header(response, "Accept-Ranges"));
        Assert.Equal(entry["oid"]!.GetValue<string>(), GitBlobId(bytes));
        Assert.StartsWith("---\nlicense: ", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Git_file_honours_a_range_as_huggingface_js_asks_for_its_size()
    {
        using var response = await _hf.SendAsync(HttpMethod.Get, $"/{HfRepoIds.ExampleLora}/resolve/main/README.md", configure: request => request.Headers.Range = new RangeHeaderValue(0, 0));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Single(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((await TreeEntryAsync(HfRepoIds.ExampleLora, "README.md"))["size"]!.GetValue<long>(), response.Content.Headers.ContentRange!.Length);
    }

    [Fact]
    public async Task Lfs_file_redirects_to_the_cdn_with_the_linked_etag_of_the_tree()
    {
        var entry = await TreeEntryAsync(HfRepoIds.ExampleLora, LoraWeights);

        using var response = await _hf.SendAsync(HttpMethod.Head, $"/{HfRepoIds.ExampleLora}/resolve/main/{LoraWeights}");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(location.IsAbsoluteUri);
        Assert.Equal(_fixture.Origins.Cdn.GetLeftPart(UriPartial.Authority), location.GetLeftPart(UriPartial.Authority));
        Assert.NotEqual(_fixture.Origins.HuggingFace.Port, location.Port);
        Assert.Equal($"\"{entry["lfs"]!["oid"]}\"", HfRequests.Header(response, "X-Linked-Etag"));
        Assert.Equal(entry["size"]!.ToJsonString(), HfRequests.Header(response, "X-Linked-Size"));
        Assert.Equal(entry["xetHash"]!.GetValue<string>(), HfRequests.Header(response, "X-Xet-Hash"));
        Assert.NotNull(response.Headers.ETag);
        Assert.Matches("^<http://[^>]+/api/models/.+/xet-read-token/[0-9a-f]{40}>; rel=\"xet-auth\"$", HfRequests.Header(response, "Link"));
        Assert.Matches("^[0-9a-f]{40}$", HfRequests.Header(response, "X-Repo-Commit"));
        Assert.Equal("bytes", HfRequests.Header(response, "Accept-Ranges"));
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Following_the_redirect_downloads_bytes_that_hash_to_the_linked_etag_without_the_token()
    {
        await _fixture.ResetAsync();
        var entry = await TreeEntryAsync(HfRepoIds.GatedAuto, HfRepoIds.GatedAuto[(HfRepoIds.GatedAuto.IndexOf('/') + 1)..] + ".safetensors");
        using var following = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, _hf.Url($"/{HfRepoIds.GatedAuto}/resolve/main/{entry["path"]}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorTokens.HuggingFaceValid);

        using var response = await following.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(entry["lfs"]!["oid"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var cdn = Assert.Single(await _fixture.RequestsAsync(OriginName.Cdn));
        Assert.False(cdn.GetProperty("authorization").GetBoolean());
        Assert.True((await _fixture.RequestsAsync(OriginName.HuggingFace)).Last().GetProperty("authorization").GetBoolean());
    }

    [Fact]
    public async Task Raw_of_an_lfs_file_is_its_pointer_with_the_pointer_blob_id_as_etag()
    {
        var entry = await TreeEntryAsync(HfRepoIds.ExampleLora, LoraWeights);

        using var response = await _hf.GetAsync($"/{HfRepoIds.ExampleLora}/raw/main/{LoraWeights}");
        var pointer = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{entry["oid"]}\"", response.Headers.ETag!.Tag);
        Assert.Equal(entry["lfs"]!["pointerSize"]!.GetValue<int>(), Encoding.UTF8.GetByteCount(pointer));
        Assert.Equal($"version https://git-lfs.github.com/spec/v1\noid sha256:{entry["lfs"]!["oid"]}\nsize {entry["size"]}\n", pointer);
    }

    [Fact]
    public async Task Xet_file_info_request_is_answered_without_redirect_as_huggingface_js_expects()
    {
        var entry = await TreeEntryAsync(HfRepoIds.ExampleLora, LoraWeights);

        using var response = await _hf.SendAsync(HttpMethod.Get, $"/{HfRepoIds.ExampleLora}/resolve/main/{LoraWeights}", configure: request =>
        {
            request.Headers.Range = new RangeHeaderValue(0, 0);
            request.Headers.Accept.ParseAdd("application/vnd.xet-fileinfo+json, */*");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.xet-fileinfo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"\"{entry["lfs"]!["oid"]}\"", HfRequests.Header(response, "X-Linked-ETag"));
        Assert.Equal(entry["size"]!.ToJsonString(), HfRequests.Header(response, "X-Linked-Size"));
        Assert.Equal(entry["xetHash"]!.GetValue<string>(), HfRequests.Header(response, "X-Xet-Hash"));
        Assert.Contains("rel=\"xet-auth\"", HfRequests.Header(response, "Link"), StringComparison.Ordinal);
        Assert.Contains("rel=\"xet-reconstruction-info\"", HfRequests.Header(response, "Link"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Benchmark_checkpoint_serves_a_2_GiB_file()
    {
        using var response = await _hf.SendAsync(HttpMethod.Head, $"/{HfRepoIds.Benchmark}/resolve/main/{HfRepoIds.BenchmarkFile}");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(HfRepoIds.BenchmarkFileSize.ToString(System.Globalization.CultureInfo.InvariantCulture), HfRequests.Header(response, "X-Linked-Size"));
    }

    [Theory]
    [InlineData(HfRepoIds.GatedManual, null, 401, "GatedRepo", "Access to model modelhub-emulator/gated-manual-pipeline is restricted. You must have access to it and be authenticated to access it. Please log in.")]
    [InlineData(HfRepoIds.GatedManual, EmulatorTokens.HuggingFaceNoAccess, 403, "GatedRepo", "Access to model modelhub-emulator/gated-manual-pipeline is restricted and you are not in the authorized list. Visit https://huggingface.co/modelhub-emulator/gated-manual-pipeline to ask for access.")]
    [InlineData(HfRepoIds.GatedManual, EmulatorTokens.HuggingFaceValid, 200, null, null)]
    [InlineData(HfRepoIds.GatedAuto, null, 401, "GatedRepo", null)]
    [InlineData(HfRepoIds.GatedAuto, EmulatorTokens.HuggingFaceNoAccess, 403, "GatedRepo", null)]
    [InlineData(HfRepoIds.GatedAuto, EmulatorTokens.HuggingFaceValid, 200, null, null)]
    [InlineData(HfRepoIds.Private, null, 401, "RepoNotFound", "Invalid username or password.")]
    [InlineData(HfRepoIds.Private, EmulatorTokens.HuggingFaceNoAccess, 404, "RepoNotFound", "Repository not found")]
    [InlineData(HfRepoIds.Private, EmulatorTokens.HuggingFaceValid, 200, null, null)]
    [InlineData("modelhub-emulator/no-such-repo", null, 401, "RepoNotFound", null)]
    [InlineData("modelhub-emulator/no-such-repo", EmulatorTokens.HuggingFaceValid, 404, "RepoNotFound", null)]
    [InlineData(HfRepoIds.ExampleLora, EmulatorTokens.HuggingFaceExpired, 401, null, "Invalid credentials in Authorization header")]
    [InlineData(HfRepoIds.Disabled, EmulatorTokens.HuggingFaceValid, 403, null, "Access to this resource is disabled.")]
    public async Task Restricted_repos_answer_each_token_as_the_hub_does(string repo, string? token, int status, string? code, string? message)
    {
        using var response = await _hf.SendAsync(HttpMethod.Head, $"/{repo}/resolve/main/README.md", token);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, HfRequests.Header(response, "X-Error-Code"));
        if (message is not null)
        {
            Assert.Equal(message, HfRequests.Header(response, "X-Error-Message"));
        }

        Assert.NotNull(HfRequests.Header(response, "X-Request-Id"));
    }

    [Theory]
    [InlineData(HfRepoIds.GatedManual, null, 200)]
    [InlineData(HfRepoIds.GatedAuto, EmulatorTokens.HuggingFaceNoAccess, 200)]
    [InlineData(HfRepoIds.Private, EmulatorTokens.HuggingFaceNoAccess, 404)]
    [InlineData(HfRepoIds.Private, EmulatorTokens.HuggingFaceValid, 200)]
    public async Task Gated_metadata_is_open_and_private_metadata_is_not(string repo, string? token, int status)
    {
        using var response = await _hf.GetAsync($"/api/models/{repo}", token);

        Assert.Equal(status, (int)response.StatusCode);
        if (status == 200 && repo != HfRepoIds.Private)
        {
            Assert.Equal(repo == HfRepoIds.GatedAuto ? "auto" : "manual", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["gated"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("/api/models/" + HfRepoIds.RenamedFrom + "/revision/main?expand=sha", "/api/models/" + HfRepoIds.Renamed + "/revision/main?expand=sha")]
    [InlineData("/" + HfRepoIds.RenamedFrom + "/resolve/main/README.md", "/" + HfRepoIds.Renamed + "/resolve/main/README.md")]
    public async Task Renamed_repo_redirects_relatively_to_its_new_id(string path, string location)
    {
        using var response = await _hf.GetAsync(path, EmulatorTokens.HuggingFaceNoAccess);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.Equal($"Temporary Redirect. Redirecting to {location}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Missing_file_and_missing_revision_are_told_apart()
    {
        using var missingFile = await _hf.SendAsync(HttpMethod.Head, $"/{HfRepoIds.ExampleLora}/resolve/main/no-such-file.bin");
        using var missingRevision = await _hf.SendAsync(HttpMethod.Head, $"/{HfRepoIds.ExampleLora}/resolve/no-such-branch/README.md");

        Assert.Equal(HttpStatusCode.NotFound, missingFile.StatusCode);
        Assert.Equal("EntryNotFound", HfRequests.Header(missingFile, "X-Error-Code"));
        Assert.Matches("^[0-9a-f]{40}$", HfRequests.Header(missingFile, "X-Repo-Commit"));
        Assert.Equal(HttpStatusCode.NotFound, missingRevision.StatusCode);
        Assert.Equal("RevisionNotFound", HfRequests.Header(missingRevision, "X-Error-Code"));
    }

    [Theory]
    [InlineData(EmulatorTokens.HuggingFaceValid, 200, "emulator-user")]
    [InlineData(EmulatorTokens.HuggingFaceNoAccess, 200, "emulator-visitor")]
    [InlineData(null, 401, null)]
    [InlineData(EmulatorTokens.HuggingFaceExpired, 401, null)]
    public async Task Whoami_names_the_token_user_and_refuses_the_others(string? token, int status, string? name)
    {
        using var response = await _hf.GetAsync("/api/whoami-v2", token);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, (int)response.StatusCode);
        if (name is null)
        {
            Assert.NotNull(body["error"]);
            return;
        }

        Assert.Equal(name, body["name"]!.GetValue<string>());
        Assert.Equal(token == EmulatorTokens.HuggingFaceValid, body["orgs"]!.AsArray().Any(org => org!["name"]!.GetValue<string>() == HfRepoIds.PrivateOrganisation));
    }

    private async Task<JsonNode> TreeEntryAsync(string repo, string path) =>
        (await _hf.JsonAsync($"/api/models/{repo}/tree/main?recursive=true", EmulatorTokens.HuggingFaceValid)).AsArray()
            .Single(entry => entry!["path"]!.GetValue<string>() == path)!;

    private static string GitBlobId(byte[] bytes) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"), .. bytes]));
}
