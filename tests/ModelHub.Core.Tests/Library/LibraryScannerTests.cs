using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ModelHub.Errors;
using ModelHub.Library;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Library;

public sealed class LibraryScannerTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public async Task Every_sidecar_kind_and_the_huggingface_layouts_identify_a_model_without_hashing_or_asking_a_hub()
    {
        using var harness = new LibraryHarness();
        var ours = harness.Model("plain/ours.safetensors");
        harness.Write("plain/ours.modelhub.json", $$"""
            {"schemaVersion":1,"hub":"Civitai","modelId":"4201","versionId":"130072","modelName":"Realistic Vision","versionName":"V6","type":"Checkpoint",
             "baseModel":"SD 1.5","originalFileName":"rv6.safetensors","fileName":"ours.safetensors","sha256":"{{new string('a', 64)}}","size":{{new FileInfo(ours).Length}},
             "installedAt":"2026-01-02T03:04:05+00:00","pinned":true}
            """);
        var helper = harness.Model("plain/pp-storybook_rank2_bf16.safetensors");
        harness.Write("plain/pp-storybook_rank2_bf16.civitai.info", RecordedResponses.Read("civitai/model-version-1387174.json"));
        var browser = harness.Model("plain/browser.safetensors");
        harness.Write("plain/browser.json", $$"""{"activation text":"x","sd version":"SDXL","modelId":777,"modelVersionId":888,"sha256":"{{new string('B', 64)}}"}""");
        var matrix = harness.Model("plain/matrix.safetensors");
        harness.Write("plain/matrix.cm-info.json", $$$"""
            {"ModelId":55,"ModelName":"Matrix LoRA","ModelType":"LORA","VersionId":66,"VersionName":"v2","BaseModel":"Pony","ImportedAt":"2025-05-06T07:08:09Z","Hashes":{"SHA256":"{{{new string('C', 64)}}}"}}
            """);
        var localDir = harness.Model("plain/downloaded/unet/model.safetensors");
        harness.Write("plain/downloaded/.cache/huggingface/download/unet/model.safetensors.metadata", $"{Commit}\n{new string('d', 64)}\n{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}.25\n");
        var cached = CacheFile(harness, "models--org--pixel-lora", "pytorch_lora_weights.safetensors", new string('e', 64),
            LibraryHarness.SafetensorsBytes(512, null, new[] { "unet.down.lora_A.weight", "unet.down.lora_B.weight" }, "cached"));

        var outcome = await harness.ScanAsync(new ScanRequest { Roots = new[] { harness.Plain("plain") }, IncludeHuggingFaceCache = true });

        Assert.Empty(harness.Http.Hub.Requests);
        Assert.Empty(outcome.Failures);
        Assert.Equal(0, outcome.Last.BytesHashed);
        Assert.Equal(6, outcome.Models.Count);

        var record = outcome.At(ours);
        Assert.Equal((Identification.ModelHubRecord, Hub.Civitai, "4201", "130072", "Realistic Vision", "V6"), (record.IdentifiedBy, record.Hub, record.Id, record.VersionId, record.Name, record.VersionName));
        Assert.Equal((ModelType.Checkpoint, "SD 1.5", "rv6.safetensors", new string('a', 64), true), (record.Type, record.BaseModel, record.HubFileName, record.Sha256, record.Pinned));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), record.InstalledAt);

        var info = outcome.At(helper);
        Assert.Equal((Identification.CivitaiInfo, Hub.Civitai, "1231067", "1387174", "Vivid Impressions Storybook Style"), (info.IdentifiedBy, info.Hub, info.Id, info.VersionId, info.Name));
        Assert.Equal((ModelType.LoRA, "Flux.1", "9753338ab693ca82bf89ed77a5d1912879e40051463ec6e330fb9866ce798668"), (info.Type, info.BaseModel, info.Sha256));

        var metadata = outcome.At(browser);
        Assert.Equal((Identification.A1111Metadata, Hub.Civitai, "777", "888", "SDXL", new string('b', 64)), (metadata.IdentifiedBy, metadata.Hub, metadata.Id, metadata.VersionId, metadata.BaseModel, metadata.Sha256));
        Assert.Equal("browser", metadata.Name);

        var connected = outcome.At(matrix);
        Assert.Equal((Identification.StabilityMatrix, Hub.Civitai, "55", "66", "Matrix LoRA", ModelType.LoRA, "Pony"), (connected.IdentifiedBy, connected.Hub, connected.Id, connected.VersionId, connected.Name, connected.Type, connected.BaseModel));

        var local = outcome.At(localDir);
        Assert.Equal((Identification.HuggingFaceLocalDir, Hub.HuggingFace, "org/pixel-lora", Commit, "unet/model.safetensors", new string('d', 64)), (local.IdentifiedBy, local.Hub, local.Id, local.VersionId, local.HubFileName, local.Sha256));

        var cache = outcome.At(cached);
        Assert.Equal((Identification.HuggingFaceCache, Hub.HuggingFace, "org/pixel-lora", Commit, "main", "pytorch_lora_weights.safetensors"), (cache.IdentifiedBy, cache.Hub, cache.Id, cache.VersionId, cache.VersionName, cache.HubFileName));
        Assert.Equal((new string('e', 64), 512L, ModelType.LoRA, (Tool?)null), (cache.Sha256, cache.Size, cache.Type, cache.Tool));
    }

    [Fact]
    public async Task Civitai_identifies_files_by_hash_in_one_bulk_request_and_the_answers_are_remembered_until_refresh()
    {
        using var harness = new LibraryHarness();
        var known = harness.Model("lib/known.safetensors", 20_000);
        var unknown = harness.Model("lib/unknown.safetensors", 30_000);
        harness.CivitaiKnows(LibraryHarness.Sha256Of(known));

        var first = await harness.ScanAsync(harness.Plain("lib"));

        var identified = first.At(known);
        Assert.Equal((Identification.HashLookup, Hub.Civitai, "1231067", "1387174", "Vivid Impressions Storybook Style"), (identified.IdentifiedBy, identified.Hub, identified.Id, identified.VersionId, identified.Name));
        Assert.Equal((ModelType.LoRA, "Flux.1", "pp-storybook_rank2_bf16.safetensors", LibraryHarness.Sha256Of(known)), (identified.Type, identified.BaseModel, identified.HubFileName, identified.Sha256));
        var stranger = first.At(unknown);
        Assert.Equal((Identification.Unidentified, (Hub?)null, LibraryHarness.Sha256Of(unknown)), (stranger.IdentifiedBy, stranger.Hub, stranger.Sha256));
        var request = Assert.Single(harness.ByHashRequests);
        Assert.Equal(new[] { LibraryHarness.Sha256Of(known), LibraryHarness.Sha256Of(unknown) }.OrderBy(hash => hash), request.OrderBy(hash => hash));
        Assert.Equal(50_000, first.Last.BytesHashed);

        var second = await harness.ScanAsync(harness.Plain("lib"));

        Assert.Single(harness.ByHashRequests);
        Assert.Equal(Identification.HashLookup, second.At(known).IdentifiedBy);
        Assert.Equal("1231067", second.At(known).Id);
        Assert.Equal(Identification.Unidentified, second.At(unknown).IdentifiedBy);

        await harness.ScanAsync(new ScanRequest { Roots = new[] { harness.Plain("lib") }, Refresh = true });

        Assert.Equal(2, harness.ByHashRequests.Count);
    }

    [Fact]
    public async Task An_outage_is_a_warning_and_is_not_remembered_as_not_on_the_hub()
    {
        using var harness = new LibraryHarness();
        var file = harness.Model("lib/model.safetensors");
        var down = true;
        harness.On(HttpHarness.CivitaiOrigin + LibraryHarness.ByHashPath, _ => down ? FakeHub.Status(503) : FakeHub.Json(HttpStatusCode.OK, "[" + LibraryHarness.VersionWithHash(LibraryHarness.Sha256Of(file)).ToJsonString() + "]"));

        var during = await harness.ScanAsync(harness.Plain("lib"));

        Assert.Equal(Identification.Unidentified, during.At(file).IdentifiedBy);
        Assert.Contains(during.Warnings, warning => warning.Contains("Civitai") && warning.Contains("next scan"));
        var memory = Path.Combine(harness.StateFolder, LibraryScanner.StateFolderName, LookupMemory.FileName);
        Assert.False(File.Exists(memory) && File.ReadAllText(memory).Contains(LibraryHarness.Sha256Of(file)));

        down = false;
        var after = await harness.ScanAsync(harness.Plain("lib"));

        Assert.Equal(Identification.HashLookup, after.At(file).IdentifiedBy);
        Assert.Empty(after.Warnings);
    }

    [Fact]
    public async Task A_hash_no_hub_knows_is_remembered_with_its_date_and_asked_again_after_a_month()
    {
        using var harness = new LibraryHarness();
        var file = harness.Model("lib/model.safetensors");
        harness.CivitaiKnows(new string('0', 64));

        await harness.ScanAsync(harness.Plain("lib"));
        await harness.ScanAsync(harness.Plain("lib"));

        Assert.Single(harness.ByHashRequests);
        var memory = File.ReadAllText(Path.Combine(harness.StateFolder, LibraryScanner.StateFolderName, LookupMemory.FileName));
        Assert.Contains(LibraryHarness.Sha256Of(file), memory);
        Assert.Contains("2026-11-27", memory);

        harness.Http.Time.Advance(LookupMemory.NotFoundKeptFor);
        await harness.ScanAsync(harness.Plain("lib"));

        Assert.Equal(2, harness.ByHashRequests.Count);
    }

    [Fact]
    public async Task A_rescan_of_unchanged_files_reads_no_content_and_a_changed_file_is_hashed_again()
    {
        using var harness = new LibraryHarness();
        var one = harness.Model("lib/one.safetensors", 100_000);
        var two = harness.Model("lib/sub/two.ckpt", 60_000);
        harness.CivitaiKnows(new string('0', 64));

        var first = await harness.ScanAsync(harness.Plain("lib"));
        var second = await harness.ScanAsync(harness.Plain("lib"));

        Assert.Equal(160_000, first.Last.BytesHashed);
        Assert.True(first.Last.ContentBytesRead >= 160_000);
        Assert.Equal(0, second.Last.ContentBytesRead);
        Assert.Equal(0, second.Last.BytesToHash);
        Assert.Equal(first.Models.Select(model => (model.Path, model.Sha256)).OrderBy(pair => pair.Path), second.Models.Select(model => (model.Path, model.Sha256)).OrderBy(pair => pair.Path));

        File.SetLastWriteTimeUtc(two, DateTime.UtcNow.AddMinutes(1));
        var third = await harness.ScanAsync(harness.Plain("lib"));

        Assert.Equal(60_000, third.Last.BytesHashed);
        Assert.Equal(60_000, third.Last.ContentBytesRead);
        Assert.Equal(LibraryHarness.Sha256Of(one), third.At(one).Sha256);
    }

    [Fact]
    public async Task A_file_no_hub_knows_gets_its_type_and_family_from_its_safetensors_header()
    {
        using var harness = new LibraryHarness();
        harness.CivitaiKnows(new string('0', 64));
        var lora = harness.Model("lib/kohya.safetensors", 4096, new Dictionary<string, string>
        {
            ["ss_network_module"] = "networks.lora",
            ["ss_base_model_version"] = "sdxl_base_v1-0",
        });
        var spec = harness.Model("lib/spec.safetensors", 4096, new Dictionary<string, string> { ["modelspec.architecture"] = "flux-1-dev/lora", ["modelspec.title"] = "Pixel Flux" });
        var plain = harness.Model("lib/plain.safetensors");

        var outcome = await harness.ScanAsync(harness.Plain("lib"));

        Assert.Equal((Identification.SafetensorsHeader, ModelType.LoRA, "SDXL", "kohya"), (outcome.At(lora).IdentifiedBy, outcome.At(lora).Type, outcome.At(lora).BaseModel, outcome.At(lora).Name));
        Assert.Equal((Identification.SafetensorsHeader, ModelType.LoRA, "Flux.1", "Pixel Flux"), (outcome.At(spec).IdentifiedBy, outcome.At(spec).Type, outcome.At(spec).BaseModel, outcome.At(spec).Name));
        Assert.Equal((Identification.Unidentified, (ModelType?)null, BaseModels.Unknown), (outcome.At(plain).IdentifiedBy, outcome.At(plain).Type, outcome.At(plain).BaseModel));
    }

    [Fact]
    public async Task A_tool_root_is_scanned_where_the_tool_reads_models_extra_model_paths_included_and_nowhere_else()
    {
        using var harness = new LibraryHarness();
        harness.CivitaiKnows(new string('0', 64));
        var lora = harness.Model("ComfyUI/models/loras/style/x.safetensors");
        var checkpoint = harness.Model("ComfyUI/models/checkpoints/c.ckpt");
        var flux = harness.Model("ComfyUI/models/unet/flux.gguf");
        var shared = harness.Model("webui/models/Lora/shared.safetensors");
        harness.Write("ComfyUI/extra_model_paths.yaml", $"a1111:\n    base_path: {Path.Combine(harness.Folder.Path, "webui")}\n    loras: models/Lora\n");
        harness.Write("ComfyUI/models/diffusers/pipe/model_index.json", """{"_class_name":"StableDiffusionXLPipeline"}""");
        harness.Model("ComfyUI/models/diffusers/pipe/unet/diffusion_pytorch_model.safetensors", 2000);
        harness.Model("ComfyUI/models/loras/.modelhub-staging/partial.safetensors");
        harness.Model("ComfyUI/custom_nodes/node/weights.safetensors");
        harness.Write("ComfyUI/models/loras/style/x.preview.png", "png");
        harness.Write("ComfyUI/models/loras/style/x.txt", "notes");

        var outcome = await harness.ScanAsync(new ScanRoot(Path.Combine(harness.Folder.Path, "ComfyUI"), Tool.ComfyUI));

        var pipeline = Path.Combine(harness.Folder.Path, "ComfyUI", "models", "diffusers", "pipe");
        Assert.Equal(new[] { checkpoint, pipeline, flux, lora, shared }.OrderBy(path => path), outcome.Models.Select(model => model.Path).OrderBy(path => path));
        Assert.All(outcome.Models, model => Assert.Equal(Tool.ComfyUI, model.Tool));
        Assert.Equal(ModelType.LoRA, outcome.At(lora).Type);
        Assert.Equal(ModelType.LoRA, outcome.At(shared).Type);
        Assert.Equal(ModelType.Checkpoint, outcome.At(flux).Type);
        var folder = outcome.At(pipeline);
        Assert.Equal((true, ModelType.Checkpoint, "SDXL", (string?)null), (folder.IsFolder, folder.Type, folder.BaseModel, folder.Sha256));
        Assert.Equal(new FileInfo(Path.Combine(pipeline, "model_index.json")).Length + 2000, folder.Size);
    }

    [Fact]
    public async Task A_missing_folder_or_unreadable_sidecar_is_reported_and_the_rest_is_scanned()
    {
        using var harness = new LibraryHarness();
        harness.CivitaiKnows(new string('0', 64));
        var file = harness.Model("lib/model.safetensors");
        harness.Write("lib/model.civitai.info", "{ not json");

        var outcome = await harness.ScanAsync(harness.Plain("missing"), harness.Plain("lib"));

        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(ErrorIds.LibraryFolderNotFound, failure.ErrorId);
        Assert.Contains(outcome.Warnings, warning => warning.Contains("model.civitai.info"));
        Assert.Equal(file, Assert.Single(outcome.Models).Path);
    }

    [Fact]
    public async Task Name_keeps_the_models_whose_name_or_file_name_matches()
    {
        using var harness = new LibraryHarness();
        harness.CivitaiKnows(new string('0', 64));
        var wanted = harness.Model("lib/pixel-art.safetensors");
        harness.Model("lib/other.safetensors");

        var outcome = await harness.ScanAsync(new ScanRequest { Roots = new[] { harness.Plain("lib") }, Name = "PIXEL*" });

        Assert.Equal(wanted, Assert.Single(outcome.Models).Path);
    }

    [Fact]
    public async Task Nothing_to_scan_is_a_configuration_error()
    {
        using var harness = new LibraryHarness();

        var error = await Assert.ThrowsAsync<ModelHubConfigurationException>(() => harness.ScanAsync(new ScanRequest()));

        Assert.Equal(ErrorIds.ToolRootNotSet, error.ErrorId);
    }

    [Fact]
    public void Roots_come_from_the_parameters_else_from_the_stored_tool_and_folder()
    {
        var stored = Settings(Tool.ComfyUI, "/stored/ComfyUI");
        var none = Settings(null, null);

        Assert.Equal(new[] { new ScanRoot("/stored/ComfyUI", Tool.ComfyUI) }, LibraryScanner.RootsFor(null, null, Array.Empty<string>(), stored));
        Assert.Equal(new[] { new ScanRoot("/stored/ComfyUI", Tool.ComfyUI) }, LibraryScanner.RootsFor(Tool.ComfyUI, null, Array.Empty<string>(), stored));
        Assert.Equal(new[] { new ScanRoot("/a", null) }, LibraryScanner.RootsFor(null, null, new[] { "/a" }, stored));
        Assert.Equal(new[] { new ScanRoot("/w", Tool.A1111), new ScanRoot("/a", null) }, LibraryScanner.RootsFor(Tool.A1111, "/w", new[] { "/a" }, none));
        Assert.Empty(LibraryScanner.RootsFor(null, null, Array.Empty<string>(), none));
        Assert.Equal(ErrorIds.ToolRootNotSet, Assert.Throws<ModelHubConfigurationException>(() => LibraryScanner.RootsFor(Tool.A1111, null, Array.Empty<string>(), stored)).ErrorId);
        Assert.Equal(ErrorIds.ToolRootNotSet, Assert.Throws<ModelHubConfigurationException>(() => LibraryScanner.RootsFor(null, "/w", Array.Empty<string>(), none)).ErrorId);
    }

    /// <summary>A Hugging Face cache under HF_HUB_CACHE with one snapshot (refs/main) whose file links to its blob.</summary>
    private static string CacheFile(LibraryHarness harness, string repoFolder, string file, string blobName, byte[] content)
    {
        var cache = Path.Combine(harness.Folder.Path, "hf-cache");
        harness.Http.Environment[EnvironmentVariables.HfHubCache] = cache;
        var repo = Path.Combine(cache, repoFolder);
        Directory.CreateDirectory(Path.Combine(repo, "blobs"));
        Directory.CreateDirectory(Path.Combine(repo, "refs"));
        Directory.CreateDirectory(Path.Combine(repo, "snapshots", Commit));
        File.WriteAllBytes(Path.Combine(repo, "blobs", blobName), content);
        File.WriteAllText(Path.Combine(repo, "refs", "main"), Commit);
        var link = Path.Combine(repo, "snapshots", Commit, file);
        File.CreateSymbolicLink(link, Path.Combine("..", "..", "blobs", blobName));
        return link;
    }

    private static ModelHubSettings Settings(Tool? tool, string? root)
    {
        using var home = new TempFolder();
        var settings = new SettingsReader(new FakeEnvironment(home.Path)).Read();
        return new ModelHubSettings(settings.Civitai, settings.HuggingFace, settings.Retry, settings.StateFolder, settings.StateFolderSource, new PersistedSettings { Tool = tool, ToolRoot = root });
    }
}
