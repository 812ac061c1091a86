using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.Library.Updates;
using ModelHub.Tests.Fakes;
using Xunit;
using static ModelHub.Tests.Library.Updates.CatalogSource;

namespace ModelHub.Tests.Library.Updates;

/// <summary>Update checks compare versions across every installed copy, never files: no false positives, no false negatives.</summary>
public sealed class UpdateCheckerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private readonly CatalogSource _civitai = new(Hub.Civitai);
    private readonly CatalogSource _huggingFace = new(Hub.HuggingFace);
    private readonly UpdateChecker _checker;

    public UpdateCheckerTests()
    {
        _checker = new UpdateChecker(new ModelDiscovery(new IModelSource[] { _civitai, _huggingFace }), new FakeTimeProvider(Now));

        // Model 1: v3 (newest), v2, v1; each with a full and a pruned fp16 file (pruned primary) and a pickle.
        _civitai.Add(Civitai("1", Three("1", "13"), Three("1", "12"), Three("1", "11")));
    }

    [Fact]
    public async Task An_older_version_is_reported_with_the_new_file_of_the_installed_kind()
    {
        var update = await CheckAsync(Copy("1", "12", "m1-v12-full.safetensors"));

        Assert.NotNull(update);
        Assert.Equal(("1", "13", "v13"), (update!.Id, update.VersionId, update.VersionName));
        Assert.Equal(new[] { "12" }, update.InstalledVersionIds);
        Assert.Equal(new[] { "m1-v13-full.safetensors" }, update.Files.Select(file => file.Name));
        Assert.False(update.BaseModelChanged);
        Assert.Null(UpdateChecker.BaseModelWarning(update));
    }

    [Fact]
    public async Task Without_a_file_of_the_very_same_kind_the_closest_one_is_chosen()
    {
        // The installed pruned fp16 safetensors; the new version has a full fp32 safetensors, a pickle and a VAE.
        _civitai.Add(Civitai("4",
            Version("4", "42", "SDXL", null, CivitaiFile("m4-v42.ckpt", format: "PickleTensor", primary: true), CivitaiFile("m4-v42-vae.safetensors", precision: null, variant: null, kind: "VAE"), CivitaiFile("m4-v42-fp32.safetensors", precision: "fp32")),
            Version("4", "41", "SDXL", null, CivitaiFile("m4-v41-pruned.safetensors", variant: "pruned", primary: true, kind: "Pruned Model"))));

        var update = await CheckAsync(Copy("4", "41", "m4-v41-pruned.safetensors"));

        Assert.Equal(new[] { "m4-v42-fp32.safetensors" }, update!.Files.Select(file => file.Name));
    }

    [Fact]
    public async Task The_newest_version_installed_in_another_root_means_no_update()
    {
        Assert.Null(await CheckAsync(Copy("1", "12", "m1-v12-pruned.safetensors", "/rootA"), Copy("1", "13", "m1-v13-pruned.safetensors", "/rootB")));
    }

    [Fact]
    public async Task A_variant_not_taken_is_no_update()
    {
        // The user took the full file of the newest version, not its primary (pruned) one.
        Assert.Null(await CheckAsync(Copy("1", "13", "m1-v13-full.safetensors")));
    }

    [Fact]
    public async Task A_newer_version_that_still_ships_the_installed_file_is_no_update()
    {
        var shared = CivitaiFile("shared-fp16.safetensors");
        _civitai.Add(Civitai("5", Version("5", "52", "SDXL", null, shared, CivitaiFile("new-fp32.safetensors", precision: "fp32")), Version("5", "51", "SDXL", null, shared)));

        Assert.Null(await CheckAsync(Copy("5", "51", "shared-fp16.safetensors")));
    }

    [Fact]
    public async Task Pinned_copies_are_never_updated_but_count_as_installed()
    {
        Assert.Null(await CheckAsync(Copy("1", "11", "m1-v11-pruned.safetensors", pinned: true)));
        Assert.Null(await CheckAsync(Copy("1", "11", "m1-v11-pruned.safetensors"), Copy("1", "13", "m1-v13-pruned.safetensors", "/other", pinned: true)));

        var update = await CheckAsync(Copy("1", "11", "m1-v11-pruned.safetensors", "/pinned", pinned: true), Copy("1", "11", "m1-v11-pruned.safetensors", "/free"));
        Assert.Equal(new[] { "/free/m1-v11-pruned.safetensors" }, update!.Installed.Select(copy => copy.Path));
    }

    [Fact]
    public async Task Excluded_versions_are_skipped_for_the_next_newer_one()
    {
        Assert.Equal("12", (await CheckAsync(new UpdateQuery { Exclude = new[] { "13" } }, Copy("1", "11", "m1-v11-pruned.safetensors")))!.VersionId);
        Assert.Null(await CheckAsync(new UpdateQuery { Exclude = new[] { "13", "12" } }, Copy("1", "11", "m1-v11-pruned.safetensors")));
    }

    [Fact]
    public async Task Early_access_versions_are_reported_only_when_asked_or_once_it_ended()
    {
        _civitai.Add(Civitai("2",
            Version("2", "23", "SDXL", Now.AddDays(3), CivitaiFile("m2-v23.safetensors", primary: true)),
            Version("2", "22", "SDXL", Now.AddDays(-1), CivitaiFile("m2-v22.safetensors", primary: true)),
            Version("2", "21", "SDXL", null, CivitaiFile("m2-v21.safetensors", primary: true))));

        Assert.Null(await CheckAsync(Copy("2", "22", "m2-v22.safetensors")));
        var early = await CheckAsync(new UpdateQuery { IncludeEarlyAccess = true }, Copy("2", "22", "m2-v22.safetensors"));
        Assert.Equal(("23", Now.AddDays(3)), (early!.VersionId, early.EarlyAccessEndsAt));

        // The early access of v22 ended yesterday: it is an update of v21 like any other.
        Assert.Equal("22", (await CheckAsync(Copy("2", "21", "m2-v21.safetensors")))!.VersionId);
    }

    [Fact]
    public async Task A_new_base_model_is_named_with_a_warning()
    {
        _civitai.Add(Civitai("3", Version("3", "32", "Illustrious", null, CivitaiFile("m3-v32.safetensors", primary: true)), Version("3", "31", "SDXL", null, CivitaiFile("m3-v31.safetensors", primary: true))));

        var update = await CheckAsync(Copy("3", "31", "m3-v31.safetensors"));

        Assert.Equal(("Illustrious", "SDXL", true), (update!.BaseModel, update.InstalledBaseModel, update.BaseModelChanged));
        Assert.Contains("Illustrious", UpdateChecker.BaseModelWarning(update));
        Assert.Contains("SDXL", UpdateChecker.BaseModelWarning(update));
    }

    [Fact]
    public async Task A_version_the_hub_no_longer_lists_is_older_than_every_listed_one()
    {
        Assert.Equal("13", (await CheckAsync(Copy("1", "9", "m1-v9.safetensors")))!.VersionId);
    }

    [Fact]
    public async Task A_Hugging_Face_commit_that_left_the_installed_file_as_it_was_is_no_update()
    {
        // The head commit changed only the README: the weights' LFS sha256 is the same.
        AddRepo(head: "c2", weights: "w1");

        Assert.Null(await CheckAsync(RepoCopy("c1", Sha256Of("w1"))));
    }

    [Fact]
    public async Task A_Hugging_Face_commit_that_changed_the_installed_file_is_an_update_of_that_file()
    {
        AddRepo(head: "c3", weights: "w2");

        var update = await CheckAsync(RepoCopy("c1", Sha256Of("w1")));

        Assert.Equal(("org/lora", "c3"), (update!.Id, update.VersionId));
        Assert.Equal(new[] { "c1" }, update.InstalledVersionIds);
        Assert.Equal(new[] { "pytorch_lora_weights.safetensors" }, update.Files.Select(file => file.Path));
    }

    [Fact]
    public async Task The_head_commit_installed_anywhere_means_no_update()
    {
        AddRepo(head: "c3", weights: "w2");

        Assert.Null(await CheckAsync(RepoCopy("c1", Sha256Of("w1")), RepoCopy("c3", Sha256Of("w2"), "/other")));
    }

    [Fact]
    public async Task A_copy_not_hashed_is_compared_through_its_commit_s_files()
    {
        AddRepo(head: "c2", weights: "w1");
        _huggingFace.AddCommit("org/lora", "c1", RepoFile("org/lora", "c1", "pytorch_lora_weights.safetensors", Sha256Of("w1")));

        Assert.Null(await CheckAsync(RepoCopy("c1", sha256: null)));
        Assert.Contains("c1", _huggingFace.FilesRequested);
    }

    [Fact]
    public async Task A_diffusers_folder_is_updated_only_when_a_file_it_installed_changed()
    {
        using var folder = new TempFolder();
        var pipeline = Path.Combine(folder.Path, "pipeline");
        Directory.CreateDirectory(pipeline);
        File.WriteAllText(SidecarWriter.RecordPath(pipeline), $$"""
            {"hub":"HuggingFace","modelId":"org/pipeline","versionId":"c1","files":[{"path":"unet/diffusion_pytorch_model.fp16.safetensors","sha256":"{{Sha256Of("unet16")}}","size":1}]}
            """);
        var copy = new InstalledModel { Hub = Hub.HuggingFace, Id = "org/pipeline", VersionId = "c1", Path = pipeline, IsFolder = true };

        // Only the fp32 weights, which this folder did not take, changed.
        _huggingFace.Add(HuggingFace("org/pipeline", "c2", "SDXL",
            RepoFile("org/pipeline", "c2", "unet/diffusion_pytorch_model.fp16.safetensors", Sha256Of("unet16")),
            RepoFile("org/pipeline", "c2", "unet/diffusion_pytorch_model.safetensors", Sha256Of("unet32-new"))));
        Assert.Null(await CheckAsync(copy));

        _huggingFace.Add(HuggingFace("org/pipeline", "c3", "SDXL",
            RepoFile("org/pipeline", "c3", "unet/diffusion_pytorch_model.fp16.safetensors", Sha256Of("unet16-new")),
            RepoFile("org/pipeline", "c3", "unet/diffusion_pytorch_model.safetensors", Sha256Of("unet32-new"))));
        Assert.Equal(new[] { "unet/diffusion_pytorch_model.fp16.safetensors" }, (await CheckAsync(copy))!.Files.Select(file => file.Path));
    }

    [Fact]
    public void Copies_are_grouped_by_hub_and_model_and_unidentified_files_left_out()
    {
        var groups = UpdateChecker.Group(new[]
        {
            Copy("1", "12", "a.safetensors", "/a"),
            RepoCopy("c1", "00"),
            Copy("1", "13", "b.safetensors", "/b"),
            new InstalledModel { Path = "/c/unknown.safetensors" },
            RepoCopy("c2", "00", "/d", id: "ORG/lora"),
        });

        Assert.Equal(new[] { 2, 2 }, groups.Select(group => group.Count));
    }

    [Fact]
    public async Task A_hub_failure_is_an_error_of_that_model()
    {
        _civitai.Failure = new HubUnavailableException("down", "later");

        var error = await Assert.ThrowsAsync<HubUnavailableException>(() => CheckAsync(Copy("1", "12", "x.safetensors")));
        Assert.Equal(ErrorIds.HubUnavailable, error.ErrorId);
    }

    private Task<ModelUpdate?> CheckAsync(params InstalledModel[] copies) => CheckAsync(new UpdateQuery(), copies);

    private Task<ModelUpdate?> CheckAsync(UpdateQuery query, params InstalledModel[] copies) =>
        _checker.CheckAsync(copies, query, HubCallOptions.Default, CancellationToken.None);

    private void AddRepo(string head, string weights) =>
        _huggingFace.Add(HuggingFace("org/lora", head, "SDXL",
            RepoFile("org/lora", head, "README.md", sha256: null),
            RepoFile("org/lora", head, "pytorch_lora_weights.safetensors", Sha256Of(weights))));

    /// <summary>A version with a full and a pruned fp16 file (the pruned one primary) and a pickle.</summary>
    private static ModelVersion Three(string modelId, string versionId) =>
        Version(modelId, versionId, "SDXL", null,
            CivitaiFile($"m{modelId}-v{versionId}-full.safetensors"),
            CivitaiFile($"m{modelId}-v{versionId}-pruned.safetensors", variant: "pruned", primary: true, kind: "Pruned Model"),
            CivitaiFile($"m{modelId}-v{versionId}.ckpt", format: "PickleTensor", precision: "fp32"));

    private static InstalledModel Copy(string modelId, string versionId, string fileName, string folder = "/root", bool pinned = false) =>
        new InstalledModel
        {
            Pinned = pinned,
            Hub = Hub.Civitai,
            Id = modelId,
            VersionId = versionId,
            Path = folder + "/" + fileName,
            HubFileName = fileName,
            Sha256 = Sha256Of(fileName),
            BaseModel = "SDXL",
        };

    private static InstalledModel RepoCopy(string commit, string? sha256, string folder = "/root", string id = "org/lora") =>
        new InstalledModel
        {
            Hub = Hub.HuggingFace,
            Id = id,
            VersionId = commit,
            Path = folder + "/lora.safetensors",
            HubFileName = "pytorch_lora_weights.safetensors",
            Sha256 = sha256,
            BaseModel = "SDXL",
        };
}
