using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using ModelHub.HubEmulator.Civitai.Catalog;
using ModelHub.HubEmulator.Content;
using ModelHub.HubEmulator.HuggingFace;
using ModelHub.HubEmulator.Tests.Civitai;
using ModelHub.HubEmulator.Tests.HuggingFace;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Content;

/// <summary>
/// The documented oversized file (README, "Large files"): 64 TiB on both hubs, with the documented SHA-256 declared,
/// never computed, off the first pages of listings; the CDN still serves any range of it, lazily.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class OversizedFileTests
{
    private const string DocumentedSha256 = "6d6f64656c6875622d656d756c61746f722d6f76657273697a65642d66696c65";
    private const long SixtyFourTebibytes = 70_368_744_177_664;

    private readonly EmulatorFixture _fixture;
    private readonly CivitaiApi _civitai;
    private readonly HfRequests _hf;

    public OversizedFileTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _civitai = new CivitaiApi(fixture);
        _hf = new HfRequests(fixture.Http, fixture.Origins);
    }

    [Fact]
    public void The_declared_SHA_256_is_the_documented_text_in_hex()
    {
        Assert.Equal(DocumentedSha256, OversizedFile.Sha256);
        Assert.Equal("modelhub-emulator-oversized-file", Encoding.ASCII.GetString(Convert.FromHexString(OversizedFile.Sha256)));
        Assert.Equal(SixtyFourTebibytes, OversizedFile.Size);
    }

    [Fact]
    public async Task Civitai_lists_the_oversized_checkpoint_with_its_size_and_declared_hashes()
    {
        var model = await _civitai.JsonAsync($"/api/v1/models/{ShowcaseModels.OversizedModelId}");
        Assert.Equal(("ModelHub Oversized Checkpoint", "Checkpoint"), ((string)model["name"]!, (string)model["type"]!));
        var version = await _civitai.JsonAsync($"/api/v1/model-versions/{ShowcaseModels.OversizedVersionId}");
        Assert.Equal(ShowcaseModels.OversizedModelId, (int)version["modelId"]!);

        var primary = version["files"]!.AsArray().Single(file => (bool?)file!["primary"] == true)!;
        Assert.Equal(SixtyFourTebibytes / 1024.0, (double)primary["sizeKB"]!);
        Assert.Equal("modelhubOversizedCheckpoint_v10.safetensors", (string)primary["name"]!);
        Assert.Equal(DocumentedSha256.ToUpperInvariant(), (string)primary["hashes"]!["SHA256"]!);
        Assert.Equal(DocumentedSha256[..10].ToUpperInvariant(), (string)primary["hashes"]!["AutoV2"]!);

        var found = await _civitai.JsonAsync($"/api/v1/model-versions/by-hash/{DocumentedSha256}");
        Assert.Equal(ShowcaseModels.OversizedVersionId, (int)found["id"]!);
    }

    [Fact]
    public async Task The_oversized_checkpoint_comes_after_the_checkpoints_first_page()
    {
        var checkpoints = await _civitai.AllPagesAsync("/api/v1/models?types=Checkpoint&primaryFileOnly=true");

        var position = checkpoints.Select(item => (int)item!["id"]!).ToList().IndexOf(ShowcaseModels.OversizedModelId);
        Assert.True(position >= 100, $"the oversized checkpoint is item {position} of the Checkpoint listing");
    }

    [Fact]
    public async Task Hugging_Face_lists_the_oversized_weights_with_their_size_and_declared_LFS_hash()
    {
        var tree = (await _hf.JsonAsync($"/api/models/{HfRepoIds.Oversized}/tree/main?recursive=true")).AsArray();
        var weights = tree.Single(entry => (string)entry!["path"]! == HfRepoIds.OversizedFile)!;
        Assert.Equal(SixtyFourTebibytes, (long)weights["size"]!);
        Assert.Equal(DocumentedSha256, (string)weights["lfs"]!["oid"]!);

        using var head = await _hf.SendAsync(HttpMethod.Head, $"/{HfRepoIds.Oversized}/resolve/main/{HfRepoIds.OversizedFile}");
        Assert.Equal(HttpStatusCode.Found, head.StatusCode);
        Assert.Equal(SixtyFourTebibytes.ToString(CultureInfo.InvariantCulture), HfRequests.Header(head, "X-Linked-Size"));
        Assert.Equal($"\"{DocumentedSha256}\"", HfRequests.Header(head, "X-Linked-Etag"));
    }

    [Fact]
    public async Task The_oversized_repo_is_not_on_the_first_page_of_the_default_listing()
    {
        var page = (await _hf.JsonAsync("/api/models")).AsArray();

        Assert.Equal(ModelApi.ListPageSize, page.Count);
        Assert.DoesNotContain(HfRepoIds.Oversized, page.Select(model => (string)model!["id"]!));
    }

    [Fact]
    public async Task A_client_that_downloads_anyway_gets_any_range_served_lazily()
    {
        using var redirect = await _civitai.SendAsync($"/api/download/models/{ShowcaseModels.OversizedVersionId}");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        var location = redirect.Headers.Location!;

        using (var whole = await _fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, location), HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal(SixtyFourTebibytes, whole.Content.Headers.ContentLength);
        }

        var tail = new HttpRequestMessage(HttpMethod.Get, location) { Headers = { Range = new RangeHeaderValue(SixtyFourTebibytes - 16, SixtyFourTebibytes - 1) } };
        using var partial = await _fixture.Http.SendAsync(tail);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes {SixtyFourTebibytes - 16}-{SixtyFourTebibytes - 1}/{SixtyFourTebibytes}", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal(16, (await partial.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public void Declared_hashes_are_reported_without_reading_the_bytes_or_keeping_them_on_disk()
    {
        var cacheFolder = Path.Combine(Path.GetTempPath(), "modelhub-oversized-tests-" + Guid.NewGuid().ToString("N"));
        var spec = new FileSpec { Key = "tests/oversized", Size = OversizedFile.Size, Layout = FileLayout.Binary, DeclaredHashes = OversizedFile.Hashes };

        var hashes = new FileHasher(TestFiles.Content, cacheFolder).Get(spec);

        Assert.Same(OversizedFile.Hashes, hashes);
        Assert.Equal((DocumentedSha256, DocumentedSha256[..10], (string?)null), (hashes.Sha256, hashes.AutoV2, hashes.GitBlobSha1));
        Assert.False(Directory.Exists(cacheFolder));
    }
}
