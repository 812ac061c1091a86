using System;
using System.Collections.Generic;
using System.IO;
using ModelHub.Installs;
using ModelHub.Tests.Fakes;
using Xunit;
using static ModelHub.Tests.Installs.InstallSamples;

namespace ModelHub.Tests.Installs;

/// <summary>Warnings for companion files a model needs: looked for where the tool reads them, named with where to put them.</summary>
public sealed class CompanionsTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Names_each_missing_companion_of_a_flux_checkpoint_and_where_it_goes()
    {
        var warnings = Missing(Flux(), SingleFile("flux1-dev.safetensors"), Tool.ComfyUI);

        Assert.Equal(3, warnings.Count);
        Assert.Contains("a CLIP-L text encoder (such as clip_l.safetensors)", warnings[0]);
        Assert.Contains("a T5-XXL text encoder (such as t5xxl_fp16.safetensors)", warnings[1]);
        Assert.Contains("the Flux.1 VAE (such as ae.safetensors)", warnings[2]);
        Assert.All(warnings, warning => Assert.StartsWith("FLUX.1-dev is a Flux.1 single-file checkpoint", warning));
        Assert.Contains($"none was found in {Under("models/text_encoders")}, {Under("models/clip")}. Put one in {Under("models/text_encoders")}.", warnings[0]);
        Assert.EndsWith($"Put one in {Under("models/vae")}.", warnings[2]);
    }

    [Fact]
    public void Finds_companions_in_any_folder_the_tool_reads_and_in_subfolders()
    {
        _root.Write("models/clip/clip_l.safetensors", "weights");
        _root.Write("models/text_encoders/flux/t5xxl_fp8_e4m3fn.safetensors", "weights");
        _root.Write("models/vae/ae.safetensors", "weights");

        Assert.Empty(Missing(Flux(), SingleFile("flux1-dev.safetensors"), Tool.ComfyUI));
    }

    [Fact]
    public void Counts_only_weights_files()
    {
        _root.Write("models/text_encoders/clip_l.json", "{}");
        _root.Write("models/text_encoders/t5xxl_fp16.safetensors", "weights");
        _root.Write("models/vae/ae.sft", "weights");

        var warning = Assert.Single(Missing(Flux(), SingleFile("flux1-dev.safetensors"), Tool.ComfyUI));
        Assert.Contains("CLIP-L", warning);
    }

    [Fact]
    public void Looks_where_forge_reads_text_encoders_and_vaes_together()
    {
        _root.Write("models/VAE/clip_l.safetensors", "weights");
        _root.Write("models/VAE/t5xxl_fp16.safetensors", "weights");
        _root.Write("models/text_encoder/ae.safetensors", "weights");

        Assert.Empty(Missing(Flux(), SingleFile("flux1-dev.safetensors"), Tool.Forge));
    }

    [Fact]
    public void Follows_comfyuis_extra_model_paths()
    {
        using var store = new TempFolder();
        store.Write("clip/clip_l.safetensors", "weights");
        store.Write("clip/t5xxl_fp16.safetensors", "weights");
        store.Write("vae/ae.safetensors", "weights");
        _root.Write("extra_model_paths.yaml", $"shared:\n    base_path: {store.Path}\n    text_encoders: clip\n    vae: vae\n");

        Assert.Empty(Missing(Flux(), SingleFile("flux1-dev.safetensors"), Tool.ComfyUI));
    }

    [Fact]
    public void Needs_nothing_beside_a_diffusers_folder()
    {
        var folder = new SelectionResult { Files = new[] { new SelectedFile(new ModelFile { Name = "model_index.json", Path = "model_index.json" }, "FLUX.1-dev/model_index.json") }, IsDiffusersFolder = true };

        Assert.Empty(Missing(Flux(), folder, Tool.ComfyUI));
    }

    [Fact]
    public void Needs_three_text_encoders_for_an_sd3_checkpoint()
    {
        _root.Write("models/CLIP/clip_g.safetensors", "weights");
        var model = HfModel("stabilityai/stable-diffusion-3.5-large", baseModel: "SD 3.x");

        var warnings = Companions.Missing(model, HfVersion(model.Id, "SD 3.x"), SingleFile("sd3.5_large.safetensors"), Tool.A1111, _root.Path);

        Assert.Equal(2, warnings.Count);
        Assert.Contains("CLIP-L", warnings[0]);
        Assert.Contains("T5-XXL", warnings[1]);
        Assert.All(warnings, warning => Assert.Contains($"Put one in {Under("models/CLIP")}", warning));
    }

    [Fact]
    public void Asks_for_a_base_model_beside_an_sdxl_refiner()
    {
        var model = CivitaiModel("SDXL Refiner", baseModel: "SDXL");
        var version = CivitaiVersion("1.0", "SDXL");
        var selection = SingleFile("sd_xl_refiner_1.0.safetensors");

        var warning = Assert.Single(Companions.Missing(model, version, selection, Tool.A1111, _root.Path));
        Assert.Contains("an SDXL refiner, which needs the SDXL base checkpoint (such as sd_xl_base_1.0.safetensors)", warning);
        Assert.EndsWith($"Put one in {Under("models/Stable-diffusion")}.", warning);

        _root.Write("models/Stable-diffusion/SDXL/sd_xl_base_1.0.safetensors", "weights");
        Assert.Empty(Companions.Missing(model, version, selection, Tool.A1111, _root.Path));
    }

    [Fact]
    public void Knows_a_refiner_by_its_file_name_too()
    {
        var warnings = Companions.Missing(CivitaiModel("Misty Harbor XL", baseModel: "SDXL"), CivitaiVersion("v2", "SDXL"), SingleFile("mistyHarborXL_refiner.safetensors"), Tool.ComfyUI, _root.Path);

        Assert.Single(warnings);
    }

    [Theory]
    [InlineData("SDXL", ModelType.Checkpoint)]
    [InlineData("SD 1.5", ModelType.Checkpoint)]
    [InlineData("Flux.1", ModelType.LoRA)]
    public void Warns_about_nothing_for_models_that_need_no_companion(string family, ModelType type)
    {
        var model = CivitaiModel(type: type, baseModel: family);

        Assert.Empty(Companions.Missing(model, CivitaiVersion(baseModel: family), SingleFile("misty.safetensors"), Tool.ComfyUI, _root.Path));
    }

    [Fact]
    public void Says_what_is_needed_without_checking_when_there_is_no_tool_root()
    {
        var warning = Assert.Single(Companions.Missing(Flux(), HfVersion("black-forest-labs/FLUX.1-dev", "Flux.1"), SingleFile("flux1-dev.safetensors"), null, null));

        Assert.Contains("a CLIP-L text encoder (such as clip_l.safetensors), a T5-XXL text encoder (such as t5xxl_fp16.safetensors), the Flux.1 VAE (such as ae.safetensors)", warning);
        Assert.Contains("cannot check", warning);
    }

    [Fact]
    public void Takes_the_family_of_the_model_when_the_version_has_none()
    {
        var model = CivitaiModel(baseModel: "Flux.1");

        Assert.Equal(3, Companions.Missing(model, CivitaiVersion(baseModel: BaseModels.Unknown), SingleFile("flux.safetensors"), Tool.ComfyUI, _root.Path).Count);
    }

    private static Model Flux() => HfModel("black-forest-labs/FLUX.1-dev", baseModel: "Flux.1");

    private static SelectionResult SingleFile(string name) =>
        new() { Files = new[] { new SelectedFile(new ModelFile { Name = name, Path = name }, name) } };

    private IReadOnlyList<string> Missing(Model model, SelectionResult selection, Tool tool) =>
        Companions.Missing(model, HfVersion(model.Id, model.BaseModel), selection, tool, _root.Path);

    private string Under(string relative) => Path.GetFullPath(Path.Combine(_root.Path, relative));
}
