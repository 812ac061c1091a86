using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.Errors;
using ModelHub.Installs;
using Xunit;

namespace ModelHub.Tests.Installs;

/// <summary>The install record, &lt;name&gt;.modelhub.json: written for both hubs and for folders, read back whole.</summary>
public sealed class SidecarRecordTests : IDisposable
{
    private readonly SidecarHarness _sidecars = new();

    public void Dispose() => _sidecars.Dispose();

    [Fact]
    public void A_record_reads_back_as_written()
    {
        var item = _sidecars.CivitaiItem();

        SidecarWriter.WriteRecord(item);
        var record = SidecarWriter.ReadRecord(SidecarWriter.RecordPath(item.Path))!;

        Assert.Equal(1, record.SchemaVersion);
        Assert.Equal((Hub.Civitai, "1231067", "1387174"), (record.Hub, record.ModelId, record.VersionId));
        Assert.Equal(("Vivid Impressions Storybook Style", "v1.0", ModelType.LoRA, "Flux.1"), (record.ModelName, record.VersionName, record.Type, record.BaseModel));
        Assert.Equal(new[] { "ppstorybook" }, record.TrainedWords);
        Assert.Equal((SidecarHarness.CivitaiFileName, SidecarHarness.CivitaiFileName), (record.OriginalFileName, record.FileName));
        Assert.Equal((SidecarHarness.CivitaiSha256, 1234L, true), (record.Sha256, record.Size, record.Verified));
        Assert.Equal("urn:air:flux1:lora:civitai:1231067@1387174", record.Air);
        Assert.Equal(new Uri("https://civitai.example/models/1231067"), record.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 30, 0, TimeSpan.Zero), record.InstalledAt);
        Assert.Equal((Tool.A1111, "LoRA → models/Lora (A1111)"), (record.Tool, record.Rule));
        Assert.Null(record.Files);
    }

    [Fact]
    public void The_record_is_indented_camelCase_JSON_with_enums_by_name_and_no_nulls()
    {
        var item = _sidecars.CivitaiItem();

        SidecarWriter.WriteRecord(item);
        var text = File.ReadAllText(SidecarWriter.RecordPath(item.Path));

        Assert.StartsWith("{\n  \"schemaVersion\": 1,\n  \"hub\": \"Civitai\",", text.Replace("\r\n", "\n"));
        var json = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(("LoRA", "A1111"), ((string?)json["type"], (string?)json["tool"]));
        Assert.False(json.ContainsKey("files"));
        Assert.DoesNotContain(json, member => member.Value is null);
    }

    [Fact]
    public void A_diffusers_folder_gets_a_record_beside_it_with_each_files_hash()
    {
        var folder = Path.Combine(_sidecars.Folder.Path, "models", "diffusers", "stable-diffusion-2.1");
        var unet = _sidecars.Folder.Write(Path.Combine("models", "diffusers", "stable-diffusion-2.1", "unet", "diffusion_pytorch_model.safetensors"), "u");
        var index = _sidecars.Folder.Write(Path.Combine("models", "diffusers", "stable-diffusion-2.1", "model_index.json"), "{}");
        var item = FolderItem(folder, (unet, "unet/diffusion_pytorch_model.safetensors", "aa", 100, true), (index, "model_index.json", "bb", 2, true));

        SidecarWriter.WriteRecord(item);

        var path = SidecarWriter.RecordPath(folder);
        Assert.Equal(folder + ".modelhub.json", path);
        var record = SidecarWriter.ReadRecord(path)!;
        Assert.Equal(("stable-diffusion-2.1", (string?)null, 102L, true), (record.FileName, record.Sha256, record.Size, record.Verified));
        Assert.Equal(
            new[] { ("unet/diffusion_pytorch_model.safetensors", "aa", 100L), ("model_index.json", "bb", 2L) },
            record.Files!.Select(file => (file.Path, file.Sha256, file.Size)));
    }

    [Fact]
    public async Task A_diffusers_folder_gets_nothing_but_its_record_and_asks_no_hub()
    {
        var folder = Path.Combine(_sidecars.Folder.Path, "pipeline");
        var unet = _sidecars.Folder.Write(Path.Combine("pipeline", "unet", "diffusion_pytorch_model.safetensors"), "u");
        var item = FolderItem(folder, (unet, "unet/diffusion_pytorch_model.safetensors", "AA", 1, false));

        var warnings = await _sidecars.WriteAsync(item);

        Assert.Empty(warnings);
        Assert.Empty(_sidecars.Requested);
        Assert.Equal(new[] { "pipeline.modelhub.json", "pipeline/unet/diffusion_pytorch_model.safetensors" }, _sidecars.FilesWritten());
        var record = SidecarWriter.ReadRecord(folder + ".modelhub.json")!;
        Assert.False(record.Verified);
        Assert.Equal("aa", Assert.Single(record.Files!).Sha256);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{}")]
    [InlineData("{\"hub\": \"Civitai\", \"modelId\": \"1\"}")]
    [InlineData("{\"hub\": \"Elsewhere\", \"modelId\": \"1\", \"versionId\": \"2\"}")]
    public void What_is_not_a_record_reads_as_none(string? content)
    {
        var path = Path.Combine(_sidecars.Folder.Path, "x.modelhub.json");
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        Assert.Null(SidecarWriter.ReadRecord(path));
    }

    [Fact]
    public async Task A_record_the_file_system_refuses_is_FileWriteFailed_and_a_warning_in_WriteAsync()
    {
        _sidecars.CivitaiAnswers();
        var item = _sidecars.CivitaiItem();
        Directory.CreateDirectory(SidecarWriter.RecordPath(item.Path));

        var error = Assert.Throws<ModelHubException>(() => SidecarWriter.WriteRecord(item));
        var warnings = await _sidecars.WriteAsync(item);

        Assert.Equal((ErrorIds.FileWriteFailed, HubErrorCategory.ResourceUnavailable, SidecarWriter.RecordPath(item.Path)), (error.ErrorId, error.Category, error.Target));
        Assert.Contains("install record", Assert.Single(warnings));
        Assert.True(File.Exists(Path.ChangeExtension(item.Path, ".civitai.info")));
    }

    [Theory]
    [InlineData("models/Lora/style.safetensors", "models/Lora/style")]
    [InlineData("models/Lora/style.v1.5.safetensors", "models/Lora/style.v1.5")]
    [InlineData("models/Lora/noextension", "models/Lora/noextension")]
    public void A_files_sidecars_are_named_after_it_without_its_extension(string installed, string nameBase)
    {
        var path = Path.Combine(_sidecars.Folder.Path, installed);

        Assert.Equal(Path.Combine(_sidecars.Folder.Path, nameBase), SidecarWriter.NameBase(path));
        Assert.Equal(Path.Combine(_sidecars.Folder.Path, nameBase) + ".modelhub.json", SidecarWriter.RecordPath(path));
    }

    private InstalledItem FolderItem(string folder, params (string Path, string RepoPath, string Sha256, long Size, bool Verified)[] files) => new()
    {
        Model = new Model { Hub = Hub.HuggingFace, Id = "stabilityai/stable-diffusion-2-1", Name = "stable-diffusion-2-1", Type = ModelType.Checkpoint },
        Version = new ModelVersion { Hub = Hub.HuggingFace, ModelId = "stabilityai/stable-diffusion-2-1", VersionId = "5cae40e6a2745ae2b01ad92ae5043f95f23644d6", BaseModel = "SD 2.x" },
        Path = folder,
        IsFolder = true,
        Files = files.Select(file => new InstalledFile
        {
            File = new ModelFile { Hub = Hub.HuggingFace, Name = Path.GetFileName(file.RepoPath), Path = file.RepoPath, Sha256 = file.Sha256 },
            Path = file.Path,
            Sha256 = file.Sha256,
            Size = file.Size,
            Verified = file.Verified,
        }).ToArray(),
        Rule = "Checkpoint (diffusers) → models/diffusers",
        InstalledAt = DateTimeOffset.UnixEpoch,
    };
}
