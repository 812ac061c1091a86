using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.Library.Updates;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Library.Updates;

/// <summary>Uninstall removes the model, its record and the sidecars the record lists unchanged; never a user's file.</summary>
public sealed class UninstallerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_model_its_record_and_the_sidecars_ModelHub_wrote_go_and_the_user_s_files_stay()
    {
        var model = _folder.Write("lora.safetensors", "weights");
        _folder.Write("lora.civitai.info", "{\"id\":1}");
        _folder.Write("lora.preview.png", "png");
        _folder.Write("lora.json", "{\"notes\":\"mine\"}");
        _folder.Write("lora.png", "the user's own preview");
        _folder.Write("lora.v2.safetensors", "another model");
        WriteRecord("lora", ("lora.civitai.info", "{\"id\":1}"), ("lora.preview.png", "png"));

        var plan = Uninstaller.Plan(model);

        Assert.Equal(new[] { "lora.safetensors", "lora.civitai.info", "lora.preview.png", "lora.modelhub.json" }, plan.Removed.Select(Path.GetFileName));
        Assert.Equal(new[] { "lora.json", "lora.png" }, plan.Kept.Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal));
        Assert.True(File.Exists(model), "planning removes nothing");

        Uninstaller.Remove(plan);

        Assert.Equal(new[] { "lora.json", "lora.png", "lora.v2.safetensors" }, Names());
    }

    [Fact]
    public void A_sidecar_changed_since_ModelHub_wrote_it_is_the_user_s_now()
    {
        var model = _folder.Write("lora.safetensors", "weights");
        WriteRecord("lora", ("lora.json", "{}"));
        _folder.Write("lora.json", "{\"preferred weight\":0.7}");

        Uninstaller.Remove(Uninstaller.Plan(model));

        Assert.Equal(new[] { "lora.json" }, Names());
    }

    [Fact]
    public void A_model_without_a_record_loses_only_its_file()
    {
        var model = _folder.Write("found.safetensors", "weights");
        _folder.Write("found.civitai.info", "{}");

        var plan = Uninstaller.Plan(model);
        Uninstaller.Remove(plan);

        Assert.Equal(new[] { model }, plan.Removed);
        Assert.Equal(new[] { "found.civitai.info" }, Names());
    }

    [Fact]
    public void A_diffusers_folder_goes_whole_with_its_record()
    {
        _folder.Write("pipeline/model_index.json", "{}");
        _folder.Write("pipeline/unet/diffusion_pytorch_model.safetensors", "weights");
        _folder.Write("pipeline.modelhub.json", Record("pipeline"));

        var plan = Uninstaller.Plan(Path.Combine(_folder.Path, "pipeline"));
        Uninstaller.Remove(plan);

        Assert.True(plan.IsFolder);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void A_folder_that_is_no_model_is_refused()
    {
        _folder.Write("models/loras/a.safetensors", "weights");

        var error = Assert.Throws<ModelHubException>(() => Uninstaller.Plan(Path.Combine(_folder.Path, "models")));

        Assert.Equal((ErrorIds.InstalledModelNotFound, HubErrorCategory.ObjectNotFound), (error.ErrorId, error.Category));
        Assert.True(File.Exists(Path.Combine(_folder.Path, "models/loras/a.safetensors")));
    }

    [Fact]
    public void Nothing_there_is_not_found_but_a_record_left_behind_is_finished_off()
    {
        Assert.Equal(ErrorIds.InstalledModelNotFound, Assert.Throws<ModelHubException>(() => Uninstaller.Plan(Path.Combine(_folder.Path, "gone.safetensors"))).ErrorId);

        WriteRecord("half", ("half.preview.png", "png"));
        _folder.Write("half.preview.png", "png");
        Uninstaller.Remove(Uninstaller.Plan(Path.Combine(_folder.Path, "half.safetensors")));

        Assert.Empty(Names());
    }

    private string[] Names() =>
        Directory.EnumerateFiles(_folder.Path).Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal).ToArray()!;

    /// <summary>A record listing these sidecars with the hashes of the given contents.</summary>
    private void WriteRecord(string name, params (string Name, string Content)[] sidecars) =>
        _folder.Write(name + ".modelhub.json", Record(name, sidecars));

    private static string Record(string name, params (string Name, string Content)[] sidecars) =>
        JsonSerializer.Serialize(new
        {
            hub = "Civitai",
            modelId = "1",
            versionId = "11",
            fileName = name,
            sidecars = sidecars.Select(sidecar => new InstallRecordSidecar { Name = sidecar.Name, Sha256 = CatalogSource.Sha256Of(sidecar.Content) }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
