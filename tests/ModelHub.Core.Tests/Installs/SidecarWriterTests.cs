using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.Installs;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Installs;

/// <summary>The sidecars of a Civitai install: .civitai.info as sent, A1111's .json merged, a preview, and the record.</summary>
public sealed class SidecarWriterTests : IDisposable
{
    private readonly SidecarHarness _sidecars = new();

    public void Dispose() => _sidecars.Dispose();

    [Fact]
    public async Task A_Civitai_install_gets_every_sidecar_each_valid()
    {
        _sidecars.CivitaiAnswers();
        var item = _sidecars.CivitaiItem();

        var warnings = await _sidecars.WriteAsync(item);

        Assert.Empty(warnings);
        Assert.Equal(
            new[]
            {
                "models/Lora/pp-storybook_rank2_bf16.civitai.info",
                "models/Lora/pp-storybook_rank2_bf16.json",
                "models/Lora/pp-storybook_rank2_bf16.modelhub.json",
                "models/Lora/pp-storybook_rank2_bf16.preview.png",
                "models/Lora/pp-storybook_rank2_bf16.safetensors",
            },
            _sidecars.FilesWritten());
        var nameBase = Path.Combine(Path.GetDirectoryName(item.Path)!, "pp-storybook_rank2_bf16");

        // Civitai Helper's file: the version JSON exactly as Civitai sent it.
        Assert.Equal(RecordedResponses.Read("civitai/model-version-1387174.json"), File.ReadAllText(nameBase + ".civitai.info"));

        var metadata = JsonNode.Parse(File.ReadAllText(nameBase + ".json"))!.AsObject();
        Assert.Equal(
            new[] { "activation text", "sd version", "description", "modelId", "modelVersionId", "sha256" },
            metadata.Select(member => member.Key));
        Assert.Equal("ppstorybook", (string?)metadata["activation text"]);
        Assert.Equal("Unknown", (string?)metadata["sd version"]);
        Assert.Contains("visit my Ko-Fi page.", (string?)metadata["description"]);
        Assert.Equal(JsonValueKind.Number, metadata["modelId"]!.GetValueKind());
        Assert.Equal(1231067L, (long)metadata["modelId"]!);
        Assert.Equal(1387174L, (long)metadata["modelVersionId"]!);
        Assert.Equal(SidecarHarness.CivitaiSha256.ToUpperInvariant(), (string?)metadata["sha256"]);

        // The first sample image of the version, as a preview A1111 finds after a user's own <name>.png.
        Assert.Equal(SidecarHarness.PngBytes, File.ReadAllBytes(nameBase + ".preview.png"));
        Assert.Contains("https://image.cdn.example/listed/77.png", _sidecars.Requested);
        Assert.Contains(_sidecars.Requested, address => address.StartsWith("https://civitai.example/api/v1/images?", StringComparison.Ordinal) && address.Contains("modelVersionId=1387174"));

        var record = SidecarWriter.ReadRecord(nameBase + ".modelhub.json");
        Assert.NotNull(record);
        Assert.Equal((Hub.Civitai, "1231067", "1387174", SidecarHarness.CivitaiSha256), (record!.Hub, record.ModelId, record.VersionId, record.Sha256));
    }

    [Fact]
    public async Task The_A1111_metadata_is_merged_keeping_every_user_key_and_value()
    {
        _sidecars.CivitaiAnswers();
        var item = _sidecars.CivitaiItem(baseModel: "Pony");
        var path = Path.ChangeExtension(item.Path, ".json");
        File.WriteAllText(path, """
            {
                "description": "",
                "sd version": "Unknown",
                "activation text": "my own words",
                "preferred weight": 0.7,
                "negative text": "blurry",
                "notes": "works best at 0.7",
                "modelId": 1,
                "pinned": true
            }
            """);

        var warnings = await _sidecars.WriteAsync(item);

        Assert.Empty(warnings);
        var metadata = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal(
            new[] { "description", "sd version", "activation text", "preferred weight", "negative text", "notes", "modelId", "pinned", "modelVersionId", "sha256" },
            metadata.Select(member => member.Key));
        Assert.Equal("my own words", (string?)metadata["activation text"]);
        Assert.Equal(0.7, (double)metadata["preferred weight"]!);
        Assert.Equal("blurry", (string?)metadata["negative text"]);
        Assert.Equal("works best at 0.7", (string?)metadata["notes"]);
        Assert.True((bool)metadata["pinned"]!);

        // Empty and placeholder values are filled; the hub's ids and hash describe the file installed.
        Assert.Contains("visit my Ko-Fi page.", (string?)metadata["description"]);
        Assert.Equal("SDXL", (string?)metadata["sd version"]);
        Assert.Equal(1231067L, (long)metadata["modelId"]!);
    }

    [Fact]
    public async Task A_users_sd_version_and_description_are_kept()
    {
        _sidecars.CivitaiAnswers();
        var item = _sidecars.CivitaiItem(baseModel: "SDXL 1.0");
        var path = Path.ChangeExtension(item.Path, ".json");
        File.WriteAllText(path, """{"sd version": "SD1", "description": "My notes on it."}""");

        await _sidecars.WriteAsync(item);

        var metadata = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal(("SD1", "My notes on it.", "ppstorybook"), ((string?)metadata["sd version"], (string?)metadata["description"], (string?)metadata["activation text"]));
    }

    [Fact]
    public async Task A_json_file_that_is_not_an_object_is_left_untouched_with_a_warning()
    {
        _sidecars.CivitaiAnswers();
        var item = _sidecars.CivitaiItem();
        var path = Path.ChangeExtension(item.Path, ".json");
        File.WriteAllText(path, "[\"not\", \"metadata\"");

        var warnings = await _sidecars.WriteAsync(item);

        Assert.Equal("[\"not\", \"metadata\"", File.ReadAllText(path));
        Assert.Contains(path, Assert.Single(warnings));
        Assert.True(File.Exists(Path.ChangeExtension(item.Path, ".civitai.info")));
        Assert.True(File.Exists(Path.ChangeExtension(item.Path, ".modelhub.json")));
    }

    [Theory]
    [InlineData("SD 1.5", "SD1")]
    [InlineData("SD 2.1 768", "SD2")]
    [InlineData("SDXL 1.0", "SDXL")]
    [InlineData("Illustrious", "SDXL")]
    [InlineData("NoobAI", "SDXL")]
    [InlineData("Flux.1 D", "Unknown")]
    [InlineData("SD 3.5 Large", "Unknown")]
    [InlineData("Some New Base", "Unknown")]
    public async Task The_sd_version_is_A1111s_name_for_the_base_model(string civitaiBaseModel, string sdVersion)
    {
        _sidecars.CivitaiAnswers();
        var item = _sidecars.CivitaiItem(baseModel: civitaiBaseModel);

        await _sidecars.WriteAsync(item);

        Assert.Equal(sdVersion, (string?)JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(item.Path, ".json")))!["sd version"]);
    }

    [Fact]
    public async Task A_hub_that_fails_costs_only_its_sidecars_and_each_is_a_warning()
    {
        _sidecars.On($"{HttpHarness.CivitaiOrigin}/api/v1/", () => FakeHub.Json(HttpStatusCode.NotFound, "{\"error\":\"No model with id 1231067\"}"));
        var item = _sidecars.CivitaiItem();

        var warnings = await _sidecars.WriteAsync(item);

        Assert.Equal(
            new[] { "models/Lora/pp-storybook_rank2_bf16.json", "models/Lora/pp-storybook_rank2_bf16.modelhub.json", "models/Lora/pp-storybook_rank2_bf16.safetensors" },
            _sidecars.FilesWritten());
        Assert.Equal(3, warnings.Count);
        Assert.Contains(".civitai.info was not written", warnings[0]);
        Assert.Contains("description", warnings[1]);
        Assert.Contains(".preview was not written", warnings[2]);
        var metadata = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(item.Path, ".json")))!.AsObject();
        Assert.False(metadata.ContainsKey("description"));
        Assert.Equal("ppstorybook", (string?)metadata["activation text"]);
    }

    [Fact]
    public async Task A_reinstall_replaces_the_civitai_info_and_keeps_the_preview()
    {
        _sidecars.CivitaiAnswers();
        var item = _sidecars.CivitaiItem();
        await _sidecars.WriteAsync(item);
        var info = Path.ChangeExtension(item.Path, ".civitai.info");
        File.WriteAllText(info, "{}");
        var preview = Path.ChangeExtension(item.Path, ".preview.png");
        File.WriteAllText(preview, "kept");

        var warnings = await _sidecars.WriteAsync(item);

        Assert.Empty(warnings);
        Assert.Equal(RecordedResponses.Read("civitai/model-version-1387174.json"), File.ReadAllText(info));
        Assert.Equal("kept", File.ReadAllText(preview));
    }
}
