using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.Installs;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Installs;

/// <summary>A Hugging Face install: A1111's metadata from the card, a preview from its images and the record; no .civitai.info.</summary>
public sealed class SidecarHuggingFaceTests : IDisposable
{
    private const string Repo = "northlight/hazy-meadow-xl-lora";
    private const string Commit = "4444444444444444444444444444444444444444";
    private const string Sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private const string Readme = """
        ---
        license: openrail++
        base_model: stabilityai/stable-diffusion-xl-base-1.0
        instance_prompt:
        - <s0><s1>
        - hazy meadow style
        widget:
        - text: hazy meadow style, a lighthouse at dusk
          output:
            url: images/lighthouse.png
        ---

        # Hazy Meadow XL

        A LoRA for soft, hazy meadows.
        """;

    private readonly SidecarHarness _sidecars = new();

    public void Dispose() => _sidecars.Dispose();

    [Fact]
    public async Task A_repo_install_gets_metadata_a_preview_and_a_record_under_its_installed_name()
    {
        _sidecars
            .OnJson($"{HttpHarness.HuggingFaceOrigin}/api/models/{Repo}/revision/{Commit}", $$"""{"_id":"6500aa00bb11cc22dd33ee60","id":"{{Repo}}","sha":"{{Commit}}","tags":["lora"]}""")
            .On($"{HttpHarness.HuggingFaceOrigin}/{Repo}/resolve/{Commit}/README.md", () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Readme, Encoding.UTF8, "text/plain") })
            .OnImage($"{HttpHarness.HuggingFaceOrigin}/{Repo}/resolve/{Commit}/images/lighthouse.png");
        var item = Item();

        var warnings = await _sidecars.WriteAsync(item);

        Assert.Empty(warnings);
        Assert.Equal(
            new[]
            {
                "models/Lora/hazy-meadow-xl-lora.json",
                "models/Lora/hazy-meadow-xl-lora.modelhub.json",
                "models/Lora/hazy-meadow-xl-lora.preview.png",
                "models/Lora/hazy-meadow-xl-lora.safetensors",
            },
            _sidecars.FilesWritten());

        var metadata = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(item.Path, ".json")))!.AsObject();
        Assert.Equal(("<s0><s1>, hazy meadow style", "SDXL"), ((string?)metadata["activation text"], (string?)metadata["sd version"]));
        Assert.StartsWith("Hazy Meadow XL", (string?)metadata["description"]);
        Assert.Equal(JsonValueKind.String, metadata["modelId"]!.GetValueKind());
        Assert.Equal((Repo, Commit, Sha256.ToUpperInvariant()), ((string?)metadata["modelId"], (string?)metadata["modelVersionId"], (string?)metadata["sha256"]));

        var record = SidecarWriter.ReadRecord(SidecarWriter.RecordPath(item.Path))!;
        Assert.Equal((Hub.HuggingFace, Repo, Commit), (record.Hub, record.ModelId, record.VersionId));
        Assert.Equal(("pytorch_lora_weights.safetensors", "hazy-meadow-xl-lora.safetensors"), (record.OriginalFileName, record.FileName));
        Assert.Null(record.Tool);
    }

    private InstalledItem Item()
    {
        var model = new Model { Hub = Hub.HuggingFace, Id = Repo, Name = "hazy-meadow-xl-lora", Type = ModelType.LoRA, Url = new Uri($"{HttpHarness.HuggingFaceOrigin}/{Repo}") };
        var version = new ModelVersion
        {
            Hub = Hub.HuggingFace,
            ModelId = Repo,
            VersionId = Commit,
            Name = "Update README.md",
            BaseModel = "SDXL",
            TrainedWords = new[] { "<s0><s1>", "hazy meadow style" },
        };
        var file = new ModelFile { Hub = Hub.HuggingFace, ModelId = Repo, VersionId = Commit, Name = "pytorch_lora_weights.safetensors", Path = "pytorch_lora_weights.safetensors", Size = 99, Sha256 = Sha256, Primary = true };
        return SidecarHarness.Item(model, version, _sidecars.Folder.Write(Path.Combine("models", "Lora", "hazy-meadow-xl-lora.safetensors"), "w"), file, tool: null, "-Path");
    }
}
