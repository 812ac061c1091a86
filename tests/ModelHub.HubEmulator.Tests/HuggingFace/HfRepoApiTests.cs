using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.HubEmulator.HuggingFace;
using Xunit;

namespace ModelHub.HubEmulator.Tests.HuggingFace;

/// <summary>Model info at revisions, trees, refs, commits and paths-info of generated repositories.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class HfRepoApiTests
{
    private readonly HfRequests _hf;

    public HfRepoApiTests(EmulatorFixture fixture)
    {
        _hf = new HfRequests(fixture.Http, fixture.Origins);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/revision/main")]
    [InlineData("/revision/HEAD")]
    [InlineData("/revision/refs%2Fheads%2Fmain")]
    public async Task Model_info_of_the_default_branch_names_its_head(string suffix)
    {
        var refs = await _hf.JsonAsync($"/api/models/{HfRepoIds.ExampleLora}/refs");
        var info = await _hf.JsonAsync($"/api/models/{HfRepoIds.ExampleLora}{suffix}");

        Assert.Equal(Target(refs["branches"]!, "main"), info["sha"]!.GetValue<string>());
        Assert.Equal(HfRepoIds.ExampleLora, info["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Model_info_at_a_tag_or_its_commit_id_shows_that_commit()
    {
        var refs = await _hf.JsonAsync($"/api/models/{HfRepoIds.ExamplePipeline}/refs");
        var tagged = Target(refs["tags"]!, "v1.0");

        Assert.Equal(tagged, (await _hf.JsonAsync($"/api/models/{HfRepoIds.ExamplePipeline}/revision/v1.0"))["sha"]!.GetValue<string>());
        Assert.Equal(tagged, (await _hf.JsonAsync($"/api/models/{HfRepoIds.ExamplePipeline}/revision/{tagged}"))["sha"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pull_requests_are_refs_only_with_include_prs_and_resolve_as_revisions()
    {
        const string repo = HfRepoIds.ExampleLora;
        var refs = await _hf.JsonAsync($"/api/models/{repo}/refs?include_prs=1");
        var pullRequest = refs["pullRequests"]![0]!;

        Assert.Null((await _hf.JsonAsync($"/api/models/{repo}/refs"))["pullRequests"]);
        Assert.Equal(["branches", "converts", "tags", "pullRequests"], refs.AsObject().Select(pair => pair.Key));
        Assert.Equal("refs/pr/1", pullRequest["ref"]!.GetValue<string>());
        Assert.Equal(pullRequest["targetCommit"]!.GetValue<string>(), (await _hf.JsonAsync($"/api/models/{repo}/revision/refs%2Fpr%2F1"))["sha"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_revision_is_RevisionNotFound()
    {
        using var response = await _hf.GetAsync($"/api/models/{HfRepoIds.ExampleLora}/revision/no-such-branch");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("RevisionNotFound", HfRequests.Header(response, "X-Error-Code"));
    }

    [Fact]
    public async Task Blobs_siblings_carry_sizes_git_ids_and_lfs_sha256_matching_the_tree()
    {
        var info = await _hf.JsonAsync($"/api/models/{HfRepoIds.ExampleLora}?blobs=true");
        var tree = (await _hf.JsonAsync($"/api/models/{HfRepoIds.ExampleLora}/tree/main?recursive=true")).AsArray()
            .Where(entry => entry!["type"]!.GetValue<string>() == "file")
            .ToDictionary(entry => entry!["path"]!.GetValue<string>());

        foreach (var sibling in info["siblings"]!.AsArray())
        {
            var entry = tree[sibling!["rfilename"]!.GetValue<string>()]!;
            Assert.Equal(entry["size"]!.GetValue<long>(), sibling["size"]!.GetValue<long>());
            Assert.Equal(entry["oid"]!.GetValue<string>(), sibling["blobId"]!.GetValue<string>());
            Assert.Equal(entry["lfs"]?["oid"]?.GetValue<string>(), sibling["lfs"]?["sha256"]?.GetValue<string>());
        }

        var weights = info["siblings"]!.AsArray().Single(sibling => sibling!["rfilename"]!.GetValue<string>() == "pytorch_lora_weights.safetensors")!;
        Assert.True(weights["size"]!.GetValue<long>() <= 10 * 1024 * 1024, "LoRA weights are small, yet stored in LFS.");
        Assert.Equal(134 - 9 + weights["size"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture).Length, weights["lfs"]!["pointerSize"]!.GetValue<int>());
        Assert.Null(info["siblings"]!.AsArray().Single(sibling => sibling!["rfilename"]!.GetValue<string>() == "README.md")!["lfs"]);
    }

    [Fact]
    public async Task Tree_lists_folders_and_files_and_recurses_on_request()
    {
        var root = (await _hf.JsonAsync($"/api/models/{HfRepoIds.ExamplePipeline}/tree/main")).AsArray();
        var unet = (await _hf.JsonAsync($"/api/models/{HfRepoIds.ExamplePipeline}/tree/main/unet?recursive=false&expand=false")).AsArray();
        var recursive = (await _hf.JsonAsync($"/api/models/{HfRepoIds.ExamplePipeline}/tree/main?recursive=true")).AsArray();

        Assert.Contains(root, entry => entry!["type"]!.GetValue<string>() == "directory" && entry["path"]!.GetValue<string>() == "unet");
        Assert.Contains(root, entry => entry!["path"]!.GetValue<string>() == "model_index.json");
        Assert.DoesNotContain(root, entry => entry!["path"]!.GetValue<string>().Contains('/'));
        Assert.Equal(["unet/config.json", "unet/diffusion_pytorch_model.fp16.safetensors", "unet/diffusion_pytorch_model.safetensors"], unet.Select(entry => entry!["path"]!.GetValue<string>()));
        Assert.Contains(recursive, entry => entry!["path"]!.GetValue<string>() == "vae/diffusion_pytorch_model.fp16.safetensors");
        var lfs = unet.Single(entry => entry!["path"]!.GetValue<string>() == "unet/diffusion_pytorch_model.safetensors")!;
        Assert.Equal(lfs["size"]!.GetValue<long>(), lfs["lfs"]!["size"]!.GetValue<long>());
        Assert.Matches("^[0-9a-f]{64}$", lfs["xetHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tree_of_an_encoded_nested_path_with_expand_has_last_commits()
    {
        var entries = (await _hf.JsonAsync($"/api/models/{HfRepoIds.ExamplePipeline}/tree/main/text_encoder?expand=true")).AsArray();

        Assert.All(entries, entry =>
        {
            Assert.Matches("^[0-9a-f]{40}$", entry!["lastCommit"]!["id"]!.GetValue<string>());
            Assert.Equal("safe", entry["securityFileStatus"]!["status"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Tree_of_a_missing_folder_is_EntryNotFound()
    {
        using var response = await _hf.GetAsync($"/api/models/{HfRepoIds.ExamplePipeline}/tree/main/no-such-folder");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("EntryNotFound", HfRequests.Header(response, "X-Error-Code"));
    }

    [Fact]
    public async Task Tree_pages_follow_link_headers()
    {
        var all = (await _hf.JsonAsync($"/api/models/{HfRepoIds.ExamplePipeline}/tree/main?recursive=true")).AsArray().Select(entry => entry!["path"]!.GetValue<string>()).ToList();
        var paged = new List<string>();
        string? next = $"/api/models/{HfRepoIds.ExamplePipeline}/tree/main?recursive=true&limit=4";
        while (next is not null)
        {
            using var response = await _hf.GetAsync(next);
            paged.AddRange(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(entry => entry!["path"]!.GetValue<string>()));
            next = HfRequests.Header(response, "Link") is { } link ? link[1..link.IndexOf('>')] : null;
        }

        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task Commits_are_newest_first_paged_and_formatted_on_request()
    {
        var commits = (await _hf.JsonAsync($"/api/models/{HfRepoIds.ExampleLora}/commits/main?expand[]=formatted")).AsArray();
        using var firstPage = await _hf.GetAsync($"/api/models/{HfRepoIds.ExampleLora}/commits/main?limit=1");

        Assert.Equal("initial commit", commits[^1]!["title"]!.GetValue<string>());
        Assert.Contains(commits, commit => commit!["title"]!.GetValue<string>() == "Update README.md");
        Assert.All(commits, commit =>
        {
            Assert.NotNull(commit!["formatted"]!["title"]);
            Assert.NotEmpty(commit["authors"]![0]!["user"]!.GetValue<string>());
        });
        Assert.NotNull(HfRequests.Header(firstPage, "Link"));
    }

    [Fact]
    public async Task Readme_only_and_weights_only_commits_change_only_those_files()
    {
        // The documented examples have the whole history: upload (v1.0), README update, weights update (v1.1).
        const string repo = HfRepoIds.ExampleNamedLora;
        var commits = (await _hf.JsonAsync($"/api/models/{repo}/commits/main")).AsArray();
        var readmeCommit = commits.Single(commit => commit!["title"]!.GetValue<string>() == "Update README.md")!["id"]!.GetValue<string>();
        var uploadCommit = commits.Single(commit => commit!["title"]!.GetValue<string>() == "Upload folder using huggingface_hub")!["id"]!.GetValue<string>();

        var atUpload = await FilesAsync(repo, uploadCommit);
        var atReadme = await FilesAsync(repo, readmeCommit);
        var atWeights = await FilesAsync(repo, "v1.1");

        Assert.Equal(["README.md"], atUpload.Keys.Where(path => atUpload[path] != atReadme[path]));
        var changedByWeights = Assert.Single(atReadme.Keys, path => atReadme[path] != atWeights[path]);
        Assert.EndsWith(".safetensors", changedByWeights, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_info_answers_the_existing_paths_of_a_form()
    {
        using var response = await _hf.SendAsync(HttpMethod.Post, $"/api/models/{HfRepoIds.ExamplePipeline}/paths-info/main", configure: request =>
            request.Content = new FormUrlEncodedContent([new("paths", "model_index.json"), new("paths", "unet"), new("paths", "missing.bin"), new("expand", "true")]));
        var entries = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(["model_index.json", "unet"], entries.Select(entry => entry!["path"]!.GetValue<string>()));
        Assert.NotNull(entries[0]!["lastCommit"]);
    }

    private async Task<Dictionary<string, string>> FilesAsync(string repo, string revision) =>
        (await _hf.JsonAsync($"/api/models/{repo}/tree/{revision}?recursive=true")).AsArray()
            .Where(entry => entry!["type"]!.GetValue<string>() == "file")
            .ToDictionary(entry => entry!["path"]!.GetValue<string>(), entry => entry!["oid"]!.GetValue<string>());

    private static string Target(JsonNode refs, string name) =>
        refs.AsArray().Single(reference => reference!["name"]!.GetValue<string>() == name)!["targetCommit"]!.GetValue<string>();
}
