using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Hubs.HuggingFace;

/// <summary>One model, its versions and its files: renamed repos, revisions, commit history, and the hub's errors.</summary>
public sealed class ModelLookupTests : IDisposable
{
    private const string Head = "3333333333333333333333333333333333333333";
    private const string Lora = $$"""
        {"_id":"6500aa00bb11cc22dd33ee50","id":"northlight/hazy-meadow-xl-lora","author":"northlight","sha":"{{Head}}","library_name":"diffusers",
         "tags":["lora","base_model:adapter:stabilityai/stable-diffusion-xl-base-1.0"],
         "cardData":{"base_model":"stabilityai/stable-diffusion-xl-base-1.0","instance_prompt":"hazy meadow style, TOK"},
         "lastModified":"2026-01-10T10:00:00.000Z"}
        """;

    private readonly HfSourceFixture _hf = new();

    public void Dispose() => _hf.Dispose();

    [Fact]
    public async Task Follows_a_renamed_repo_and_answers_with_its_new_id()
    {
        var location = HfSourceFixture.Recorded("redirect-307-renamed-bert-base-uncased.headers.txt")
            .Split('\n').Select(line => line.TrimEnd('\r')).Single(line => line.StartsWith("Location: ", StringComparison.Ordinal)).Substring("Location: ".Length);
        _hf.Hub.Then(
            () => FakeHub.Redirect(location),
            () => HfSourceFixture.Json(HfSourceFixture.Recorded("model-info-google-bert--bert-base-uncased.json")),
            () => HfSourceFixture.Json(HfSourceFixture.Recorded("tree-google-bert--bert-base-uncased@dd4bc8b2.json")));

        var model = await _hf.Source.GetModelAsync("bert-base-uncased", HubCallOptions.Default, CancellationToken.None);

        Assert.Equal("google-bert/bert-base-uncased", model.Id);
        Assert.Equal(new Uri("https://hf.example/google-bert/bert-base-uncased"), model.Url);
        Assert.Equal(
            new[]
            {
                "https://hf.example/api/models/bert-base-uncased",
                "https://hf.example/api/models/google-bert/bert-base-uncased",
                "https://hf.example/api/models/google-bert/bert-base-uncased/tree/86b5e0934494bd15c9632b12f734a8a67f723594?recursive=true",
            },
            _hf.Requested);
        var files = Assert.Single(model.Versions).Files;
        Assert.Equal(5, files.Count);
        Assert.All(files, file =>
        {
            Assert.Equal("google-bert/bert-base-uncased", file.ModelId);
            Assert.Equal("86b5e0934494bd15c9632b12f734a8a67f723594", file.VersionId);
            Assert.StartsWith("https://hf.example/google-bert/bert-base-uncased/resolve/86b5e0934494bd15c9632b12f734a8a67f723594/", file.DownloadUrl!.AbsoluteUri);
        });
    }

    [Fact]
    public async Task Lists_the_files_of_a_renamed_repo_under_its_new_id()
    {
        _hf.Hub.Then(
            () => FakeHub.Redirect("/api/models/northlight/new-name/revision/main?expand=sha"),
            () => HfSourceFixture.Json($$"""{"_id":"6500aa00bb11cc22dd33ee51","id":"northlight/new-name","sha":"{{Head}}"}"""),
            () => HfSourceFixture.Json("""[{"type":"file","oid":"1","size":1,"path":"lora.safetensors"}]"""));

        var file = Assert.Single(await _hf.Source.GetFilesAsync("northlight/old-name", null, HubCallOptions.Default, CancellationToken.None).ToListAsync());

        Assert.Equal("northlight/new-name", file.ModelId);
        Assert.Equal($"https://hf.example/api/models/northlight/new-name/tree/{Head}?recursive=true", _hf.Requested[2]);
    }

    [Fact]
    public async Task Gets_a_model_with_its_head_commit_and_its_files()
    {
        _hf.Hub.Then(
            () => HfSourceFixture.Json(Lora),
            () => HfSourceFixture.Json("""[{"type":"file","oid":"1","size":7,"path":"README.md"},{"type":"file","oid":"2","size":9,"lfs":{"oid":"abc","size":9,"pointerSize":130},"path":"hazy-meadow-xl-lora.safetensors"}]"""));

        var model = await _hf.Source.GetModelAsync("northlight/hazy-meadow-xl-lora", HubCallOptions.Default, CancellationToken.None);

        var version = Assert.Single(model.Versions);
        Assert.Same(version, model.LatestVersion);
        Assert.Equal(Head, version.VersionId);
        Assert.Equal(new[] { "hazy meadow style, TOK" }, version.TrainedWords);
        Assert.Equal(new[] { "README.md", "hazy-meadow-xl-lora.safetensors" }, version.Files.Select(file => file.Path));
        Assert.True(version.Files[1].Primary);
        Assert.Equal("https://hf.example/api/models/northlight/hazy-meadow-xl-lora", _hf.Requested[0]);
    }

    [Fact]
    public async Task Lists_the_head_of_the_default_branch_as_the_one_version()
    {
        _hf.Hub.Then(() => HfSourceFixture.Json(Lora));

        var version = Assert.Single(await _hf.Source.GetVersionsAsync("northlight/hazy-meadow-xl-lora", all: false, HubCallOptions.Default, CancellationToken.None).ToListAsync());

        Assert.Equal(Head, version.VersionId);
        Assert.Equal("main", version.Name);
        Assert.Equal("SDXL", version.BaseModel);
        Assert.Equal("stabilityai/stable-diffusion-xl-base-1.0", version.BaseModelRaw);
        Assert.Equal(new[] { "hazy meadow style, TOK" }, version.TrainedWords);
        Assert.Equal(DateTimeOffset.Parse("2026-01-10T10:00:00Z"), version.PublishedAt);
        Assert.Empty(version.Files);
        Assert.StartsWith("https://hf.example/api/models/northlight/hazy-meadow-xl-lora?expand=author&expand=cardData&", Assert.Single(_hf.Requested));
    }

    [Fact]
    public async Task Lists_every_commit_of_the_default_branch_newest_first()
    {
        _hf.Hub.Then(
            () => HfSourceFixture.Json(Lora),
            () => HfSourceFixture.Page(
                $$"""
                [{"id":"{{Head}}","title":"Upload hazy-meadow-xl-lora.safetensors with huggingface_hub","message":"","authors":[{"user":"northlight"}],"date":"2026-01-10T10:00:00.000Z"},
                 {"id":"2222222222222222222222222222222222222222","title":"Update README.md","message":"","authors":[{"user":"northlight"}],"date":"2025-12-01T09:00:00.000Z"}]
                """,
                "https://hf.example/api/models/northlight/hazy-meadow-xl-lora/commits/main?cursor=2"),
            () => HfSourceFixture.Page("""[{"id":"1111111111111111111111111111111111111111","title":"initial commit","date":"2025-11-30T08:00:00.000Z"}]""", null));

        var versions = await _hf.Source.GetVersionsAsync("northlight/hazy-meadow-xl-lora", all: true, HubCallOptions.Default, CancellationToken.None).ToListAsync();

        Assert.Equal(new[] { Head, "2222222222222222222222222222222222222222", "1111111111111111111111111111111111111111" }, versions.Select(version => version.VersionId));
        Assert.Equal(new[] { "Upload hazy-meadow-xl-lora.safetensors with huggingface_hub", "Update README.md", "initial commit" }, versions.Select(version => version.Name));
        Assert.Equal(
            new DateTimeOffset?[] { DateTimeOffset.Parse("2026-01-10T10:00:00Z"), DateTimeOffset.Parse("2025-12-01T09:00:00Z"), DateTimeOffset.Parse("2025-11-30T08:00:00Z") },
            versions.Select(version => version.PublishedAt));
        Assert.Equal(new[] { 1, 0, 0 }, versions.Select(version => version.TrainedWords.Count));
        Assert.All(versions, version =>
        {
            Assert.Equal("northlight/hazy-meadow-xl-lora", version.ModelId);
            Assert.Equal("SDXL", version.BaseModel);
            Assert.Equal(new Uri("https://hf.example/northlight/hazy-meadow-xl-lora/tree/" + version.VersionId), version.Url);
            Assert.Equal("urn:air:sdxl:lora:huggingface:northlight/hazy-meadow-xl-lora@" + version.VersionId, version.Air);
        });
        Assert.Equal("https://hf.example/api/models/northlight/hazy-meadow-xl-lora/commits/main", _hf.Requested[1]);
        Assert.Equal("https://hf.example/api/models/northlight/hazy-meadow-xl-lora/commits/main?cursor=2", _hf.Requested[2]);
    }

    [Fact]
    public async Task Lists_the_files_of_a_revision_at_the_commit_it_points_to()
    {
        _hf.Hub.Then(
            () => HfSourceFixture.Json($$"""{"_id":"6500aa00bb11cc22dd33ee50","id":"northlight/hazy-meadow-xl-lora","sha":"{{Head}}"}"""),
            () => HfSourceFixture.Json("[]"));

        Assert.Empty(await _hf.Source.GetFilesAsync("northlight/hazy-meadow-xl-lora", "refs/pr/1", HubCallOptions.Default, CancellationToken.None).ToListAsync());

        Assert.Equal(
            new[]
            {
                "https://hf.example/api/models/northlight/hazy-meadow-xl-lora/revision/refs%2Fpr%2F1?expand=sha",
                $"https://hf.example/api/models/northlight/hazy-meadow-xl-lora/tree/{Head}?recursive=true",
            },
            _hf.Requested);
    }

    [Fact]
    public async Task Surfaces_a_gated_repo_unchanged()
    {
        const string message = "Access to model meta-llama/Meta-Llama-3-8B is restricted and you are not in the authorized list. Visit https://huggingface.co/meta-llama/Meta-Llama-3-8B to ask for access.";
        _hf.Hub.Then(() => HfSourceFixture.Error(403, "GatedRepo", message));

        var error = await Assert.ThrowsAsync<HubAccessDeniedException>(() => _hf.Source.GetModelAsync("meta-llama/Meta-Llama-3-8B", HubCallOptions.Default, CancellationToken.None));

        Assert.Equal(ErrorIds.GatedModelAccessDenied, error.ErrorId);
        Assert.Equal("meta-llama/Meta-Llama-3-8B", error.Target);
        Assert.Equal(new Uri("https://huggingface.co/meta-llama/Meta-Llama-3-8B"), error.AccessPage);
    }

    [Fact]
    public async Task Surfaces_a_missing_repo_unchanged()
    {
        _hf.Hub.Then(() => HfSourceFixture.Error(401, "RepoNotFound", "Repository not found"));

        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => _hf.Source.GetVersionsAsync("nobody/nothing", all: true, HubCallOptions.Default, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(ErrorIds.HubModelNotFound, error.ErrorId);
        Assert.Equal(Hub.HuggingFace, error.Hub);
        Assert.Equal("nobody/nothing", error.Target);
    }

    [Fact]
    public async Task Surfaces_a_missing_revision_unchanged()
    {
        _hf.Hub.Then(() => HfSourceFixture.Error(404, "RevisionNotFound", "Invalid rev id: nope"));

        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => _hf.Source.GetFilesAsync("northlight/hazy-meadow-xl-lora", "nope", HubCallOptions.Default, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(ErrorIds.HubRevisionNotFound, error.ErrorId);
        Assert.Equal("northlight/hazy-meadow-xl-lora", error.Target);
        Assert.Single(_hf.Requested);
    }
}
