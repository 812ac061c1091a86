using System;
using System.IO;
using System.Linq;
using ModelHub.Manifests;
using Xunit;

namespace ModelHub.Tests.Manifests;

public sealed class ManifestExportTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "ComfyUI");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static InstalledModel Identified(string path, string sha256, Tool? tool = Tool.ComfyUI) => new()
    {
        Hub = Hub.Civitai,
        Id = "4201",
        VersionId = "130072",
        Name = "Realistic Vision",
        Type = ModelType.Checkpoint,
        BaseModel = "SD 1.5",
        Tool = tool,
        Path = path,
        HubFileName = "realisticVision_v60.safetensors",
        Size = 2_132_625_894,
        Sha256 = sha256.ToUpperInvariant(),
        IdentifiedBy = Identification.ModelHubRecord,
        Pinned = true,
    };

    [Fact]
    public void Each_identified_file_becomes_an_entry_with_its_path_under_the_root()
    {
        var inside = Path.Combine(Root, "models", "checkpoints", "rv.safetensors");
        var elsewhere = Path.Combine(Path.GetTempPath(), "other", "lora.safetensors");

        var export = ManifestExport.Build(new[] { Identified(inside, new string('b', 64)), Identified(elsewhere, new string('a', 64), Tool.A1111) }, Tool.ComfyUI, Root, Now);

        Assert.Empty(export.Warnings);
        Assert.Equal(Now, export.Manifest.CreatedAt);
        Assert.Equal(Tool.ComfyUI, export.Manifest.Tool);
        var placed = export.Manifest.Files.Single(entry => entry.Path is not null);
        Assert.Equal("models/checkpoints/rv.safetensors", placed.Path);
        Assert.Equal("rv.safetensors", placed.FileName);
        Assert.Equal("realisticVision_v60.safetensors", placed.HubFileName);
        Assert.Equal(new string('b', 64), placed.Sha256);
        Assert.Equal(Tool.ComfyUI, placed.Tool);
        Assert.Equal(ModelType.Checkpoint, placed.Type);
        Assert.Equal("SD 1.5", placed.BaseModel);
        Assert.True(placed.Pinned);
        var byType = export.Manifest.Files.Single(entry => entry.Path is null);
        Assert.Equal(Tool.A1111, byType.Tool);
        Assert.Equal("lora.safetensors", byType.FileName);
    }

    [Fact]
    public void Folders_and_unidentified_files_are_left_out_with_a_warning_and_a_file_given_twice_is_listed_once()
    {
        var file = Path.Combine(Root, "models", "loras", "a.safetensors");
        var models = new[]
        {
            Identified(file, new string('c', 64)),
            Identified(file, new string('c', 64)),
            new InstalledModel { Path = Path.Combine(Root, "models", "diffusers", "pipe"), IsFolder = true, Hub = Hub.HuggingFace, Id = "org/pipe", VersionId = "abc" },
            new InstalledModel { Path = Path.Combine(Root, "models", "loras", "mine.safetensors"), Sha256 = new string('d', 64), IdentifiedBy = Identification.SafetensorsHeader },
        };

        var export = ManifestExport.Build(models, Tool.ComfyUI, Root, Now);

        Assert.Single(export.Manifest.Files);
        Assert.Equal(2, export.Warnings.Count);
        Assert.Contains(export.Warnings, warning => warning.Contains("pipe") && warning.Contains("diffusers folder"));
        Assert.Contains(export.Warnings, warning => warning.Contains("mine.safetensors"));
    }

    [Fact]
    public void Without_a_root_every_entry_is_placed_by_its_type()
    {
        var export = ManifestExport.Build(new[] { Identified(Path.Combine(Root, "x.safetensors"), new string('e', 64)) }, tool: null, toolRoot: null, Now);

        Assert.Null(Assert.Single(export.Manifest.Files).Path);
    }
}
