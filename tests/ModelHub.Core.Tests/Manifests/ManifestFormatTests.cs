using System;
using System.Collections;
using System.Linq;
using ModelHub.Errors;
using ModelHub.Manifests;
using Xunit;

namespace ModelHub.Tests.Manifests;

public sealed class ManifestFormatTests
{
    private const string Sha256 = "9753338ab693ca82bf89ed77a5d1912879e40051463ec6e330fb9866ce798668";

    private static readonly Manifest Sample = new()
    {
        CreatedAt = new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.Zero),
        Tool = Tool.ComfyUI,
        Files = new[]
        {
            new ManifestEntry
            {
                Hub = Hub.Civitai,
                ModelId = "1231067",
                VersionId = "1387174",
                Name = "Vivid Impressions' Storybook ‘Style’ $(rm -rf /)",
                HubFileName = "pp-storybook_rank2_bf16.safetensors",
                FileName = "pp-storybook_rank2_bf16.safetensors",
                Sha256 = Sha256,
                Size = 228_460_000,
                Tool = Tool.ComfyUI,
                Type = ModelType.LoRA,
                BaseModel = "Flux.1 D",
                Path = "models/loras/pp-storybook_rank2_bf16.safetensors",
                Pinned = true,
            },
            new ManifestEntry
            {
                Hub = Hub.HuggingFace,
                ModelId = "modelhub-emulator/example-lora",
                VersionId = "0123456789abcdef0123456789abcdef01234567",
                HubFileName = "pytorch_lora_weights.safetensors",
                FileName = "example-lora.safetensors",
                Sha256 = new string('a', 64),
                Size = 1,
            },
        },
    };

    [Fact]
    public void The_JSON_form_reads_back_as_it_was_written()
    {
        var json = ManifestWriter.ToJson(Sample);
        var read = ManifestReader.FromJson(json, "workstation.json");

        Assert.Contains("\"formatVersion\": 1", json);
        Assert.Contains("\"hubFileName\": \"pytorch_lora_weights.safetensors\"", json);
        Assert.DoesNotContain("\"path\": null", json);
        Assert.Equal(Manifest.CurrentFormatVersion, read.FormatVersion);
        Assert.Equal(Sample.CreatedAt, read.CreatedAt);
        Assert.Equal(Tool.ComfyUI, read.Tool);
        Assert.Equal(ManifestWriter.ToJson(Sample), ManifestWriter.ToJson(read));
    }

    [Fact]
    public void PowerShell_data_with_PascalCase_keys_and_PowerShell_types_reads_like_JSON()
    {
        // What SafeGetValue makes of a .psd1: case-insensitive hashtables, object arrays, ints and bools.
        var data = new Hashtable(StringComparer.OrdinalIgnoreCase)
        {
            ["FormatVersion"] = 1,
            ["Tool"] = "comfyui",
            ["Files"] = new object[]
            {
                new Hashtable(StringComparer.OrdinalIgnoreCase)
                {
                    ["Hub"] = "HuggingFace", ["ModelId"] = "org/name", ["VersionId"] = "abc", ["HubFileName"] = "unet/x.safetensors",
                    ["FileName"] = "x.safetensors", ["Sha256"] = Sha256.ToUpperInvariant(), ["Size"] = 42, ["Pinned"] = true, ["Type"] = "Checkpoint",
                },
            },
        };

        var read = ManifestReader.FromData(data, "workstation.psd1");

        var entry = Assert.Single(read.Files);
        Assert.Equal(Tool.ComfyUI, read.Tool);
        Assert.Equal(Hub.HuggingFace, entry.Hub);
        Assert.Equal(Sha256, entry.Sha256);
        Assert.Equal(42, entry.Size);
        Assert.True(entry.Pinned);
        Assert.Equal(ModelType.Checkpoint, entry.Type);
        Assert.Null(entry.Path);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        const string json = """
            { "formatVersion": 1, "files": [
                { "hub": "Elsewhere", "versionId": "1", "hubFileName": "a", "fileName": "a", "sha256": "not-a-hash", "size": -5 },
                "not a table"
            ] }
            """;

        var error = Assert.Throws<ModelHubException>(() => ManifestReader.FromJson(json, "broken.json"));

        Assert.Equal(ErrorIds.ManifestInvalid, error.ErrorId);
        Assert.Equal(HubErrorCategory.InvalidArgument, error.Category);
        foreach (var problem in new[] { "broken.json", "files[0].hub", "files[0].modelId is missing", "files[0].sha256", "files[0].size", "files[1] is not a table" })
        {
            Assert.Contains(problem, error.Message);
        }

        Assert.Contains("MANIFEST.md", error.RecommendedAction);
    }

    [Theory]
    [InlineData("{ \"files\": [] }", "formatVersion is missing")]
    [InlineData("[1, 2]", "table")]
    [InlineData("{ \"formatVersion\": 1, \"files\": [", "not valid JSON")]
    [InlineData("{ \"formatVersion\": 1 }", "files is missing")]
    public void What_is_not_a_manifest_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<ModelHubException>(() => ManifestReader.FromJson(json, "x.json"));

        Assert.Equal(ErrorIds.ManifestInvalid, error.ErrorId);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_manifest_from_a_newer_ModelHub_is_refused_with_what_to_do()
    {
        var error = Assert.Throws<ModelHubException>(() => ManifestReader.FromJson("{ \"formatVersion\": 2, \"files\": [] }", "new.json"));

        Assert.Equal(ErrorIds.ManifestInvalid, error.ErrorId);
        Assert.Contains("format 2", error.Message);
        Assert.Contains("Update-Module", error.RecommendedAction);
    }

    [Fact]
    public void The_psd1_form_holds_only_single_quoted_constants_with_quotes_doubled()
    {
        var psd1 = ManifestWriter.ToPsd1(Sample);

        Assert.StartsWith("# ModelHub manifest, format 1", psd1);
        Assert.Contains("FormatVersion = 1\n", psd1);
        Assert.Contains("Name        = 'Vivid Impressions'' Storybook ‘‘Style’’ $(rm -rf /)'\n", psd1);
        Assert.Contains("Size        = 228460000\n", psd1);
        Assert.Contains("Pinned      = $true\n", psd1);
        Assert.Contains("Pinned      = $false\n", psd1);
        Assert.DoesNotContain("\"", psd1);
        Assert.Equal(3, psd1.Split('\n').Count(line => line.Trim() == "@{"));
    }

    [Theory]
    [InlineData("m.json", false)]
    [InlineData("M.PSD1", true)]
    public void The_extension_chooses_the_form(string path, bool psd1) => Assert.Equal(psd1, ManifestFiles.IsPsd1(path));

    [Fact]
    public void Another_extension_is_refused() =>
        Assert.Equal(ErrorIds.ManifestInvalid, Assert.Throws<ModelHubException>(() => ManifestFiles.IsPsd1("m.yaml")).ErrorId);
}
