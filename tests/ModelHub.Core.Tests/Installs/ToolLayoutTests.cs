using System;
using System.IO;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Installs;

/// <summary>The type × tool map of layouts.json: every tool and type, family overrides, diffusers folders, what has no folder.</summary>
public sealed class ToolLayoutTests : IDisposable
{
    private readonly TempFolder _root = new();

    public ToolLayoutTests()
    {
        // The motion module folders belong to the AnimateDiff extensions, which must be installed.
        Directory.CreateDirectory(Path.Combine(_root.Path, "extensions", "sd-webui-animatediff"));
        Directory.CreateDirectory(Path.Combine(_root.Path, "extensions", "sd-forge-animatediff"));
    }

    public void Dispose() => _root.Dispose();

    public static TheoryData<Tool, ModelType, string> EveryFolder => new()
    {
        { Tool.A1111, ModelType.Checkpoint, "models/Stable-diffusion" },
        { Tool.A1111, ModelType.LoRA, "models/Lora" },
        { Tool.A1111, ModelType.LyCORIS, "models/Lora" },
        { Tool.A1111, ModelType.DoRA, "models/Lora" },
        { Tool.A1111, ModelType.TextualInversion, "embeddings" },
        { Tool.A1111, ModelType.VAE, "models/VAE" },
        { Tool.A1111, ModelType.ControlNet, "models/ControlNet" },
        { Tool.A1111, ModelType.Upscaler, "models/ESRGAN" },
        { Tool.A1111, ModelType.Hypernetwork, "models/hypernetworks" },
        { Tool.A1111, ModelType.MotionModule, "extensions/sd-webui-animatediff/model" },
        { Tool.A1111, ModelType.TextEncoder, "models/CLIP" },
        { Tool.Forge, ModelType.Checkpoint, "models/Stable-diffusion" },
        { Tool.Forge, ModelType.LoRA, "models/Lora" },
        { Tool.Forge, ModelType.LyCORIS, "models/Lora" },
        { Tool.Forge, ModelType.DoRA, "models/Lora" },
        { Tool.Forge, ModelType.TextualInversion, "embeddings" },
        { Tool.Forge, ModelType.VAE, "models/VAE" },
        { Tool.Forge, ModelType.ControlNet, "models/ControlNet" },
        { Tool.Forge, ModelType.Upscaler, "models/ESRGAN" },
        { Tool.Forge, ModelType.Hypernetwork, "models/hypernetworks" },
        { Tool.Forge, ModelType.MotionModule, "extensions/sd-forge-animatediff/model" },
        { Tool.Forge, ModelType.TextEncoder, "models/text_encoder" },
        { Tool.ComfyUI, ModelType.Checkpoint, "models/checkpoints" },
        { Tool.ComfyUI, ModelType.LoRA, "models/loras" },
        { Tool.ComfyUI, ModelType.LyCORIS, "models/loras" },
        { Tool.ComfyUI, ModelType.DoRA, "models/loras" },
        { Tool.ComfyUI, ModelType.TextualInversion, "models/embeddings" },
        { Tool.ComfyUI, ModelType.VAE, "models/vae" },
        { Tool.ComfyUI, ModelType.ControlNet, "models/controlnet" },
        { Tool.ComfyUI, ModelType.Upscaler, "models/upscale_models" },
        { Tool.ComfyUI, ModelType.Hypernetwork, "models/hypernetworks" },
        { Tool.ComfyUI, ModelType.MotionModule, "models/animatediff_models" },
        { Tool.ComfyUI, ModelType.TextEncoder, "models/text_encoders" },
    };

    [Theory]
    [MemberData(nameof(EveryFolder))]
    public void Places_every_type_where_the_tool_reads_it(Tool tool, ModelType type, string folder)
    {
        var placement = ToolLayout.Place(tool, _root.Path, type, diffusers: false);

        Assert.Equal(Under(folder), placement.Folder);
        Assert.Equal($"{tool} {type} → {folder}", placement.Rule);
    }

    [Theory]
    [InlineData(Tool.A1111)]
    [InlineData(Tool.Forge)]
    [InlineData(Tool.ComfyUI)]
    public void Refuses_a_type_no_tool_has_a_folder_for(Tool tool)
    {
        var error = Assert.Throws<ModelHubException>(() => ToolLayout.Place(tool, _root.Path, ModelType.Other, diffusers: false));

        Assert.Equal(ErrorIds.UnsupportedPlacement, error.ErrorId);
        Assert.Equal(HubErrorCategory.InvalidOperation, error.Category);
        Assert.Contains(tool.ToString(), error.Message);
        Assert.Contains("Other", error.Message);
        Assert.Contains("-Path", error.RecommendedAction);
    }

    [Fact]
    public void Puts_a_diffusers_pipeline_folder_in_comfyuis_diffusers_folder()
    {
        var placement = ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.Checkpoint, diffusers: true);

        Assert.Equal(Under("models/diffusers"), placement.Folder);
        Assert.Equal("ComfyUI diffusers pipeline → models/diffusers", placement.Rule);
    }

    [Theory]
    [InlineData(Tool.A1111)]
    [InlineData(Tool.Forge)]
    public void Refuses_a_diffusers_pipeline_folder_for_the_webuis_and_says_what_to_do(Tool tool)
    {
        var error = Assert.Throws<ModelHubException>(() => ToolLayout.Place(tool, _root.Path, ModelType.Checkpoint, diffusers: true));

        Assert.Equal(ErrorIds.UnsupportedPlacement, error.ErrorId);
        Assert.Equal(HubErrorCategory.InvalidOperation, error.Category);
        Assert.Contains("diffusers", error.Message);
        Assert.Contains("-FileName", error.RecommendedAction);
        Assert.Contains("-Path", error.RecommendedAction);
    }

    [Fact]
    public void Puts_a_flux_checkpoint_with_comfyuis_diffusion_models()
    {
        var placement = ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.Checkpoint, diffusers: false, "Flux.1");

        Assert.Equal(Under("models/diffusion_models"), placement.Folder);
        Assert.Equal("ComfyUI Flux.1 Checkpoint → models/diffusion_models", placement.Rule);
    }

    [Theory]
    [InlineData(Tool.ComfyUI, ModelType.LoRA, "Flux.1", "models/loras")]
    [InlineData(Tool.ComfyUI, ModelType.Checkpoint, "SDXL", "models/checkpoints")]
    [InlineData(Tool.ComfyUI, ModelType.Checkpoint, "SD 3.x", "models/checkpoints")]
    [InlineData(Tool.Forge, ModelType.Checkpoint, "Flux.1", "models/Stable-diffusion")]
    public void Overrides_only_the_family_and_type_the_data_names(Tool tool, ModelType type, string family, string folder) =>
        Assert.Equal(Under(folder), ToolLayout.Place(tool, _root.Path, type, diffusers: false, family).Folder);

    [Fact]
    public void Refuses_a_motion_module_when_the_animatediff_extension_is_not_installed()
    {
        using var bare = new TempFolder();

        var error = Assert.Throws<ModelHubException>(() => ToolLayout.Place(Tool.A1111, bare.Path, ModelType.MotionModule, diffusers: false));

        Assert.Equal(ErrorIds.UnsupportedPlacement, error.ErrorId);
        Assert.Contains(Path.Combine(bare.Path, "extensions", "sd-webui-animatediff"), error.Message);
        Assert.Contains("-Path", error.RecommendedAction);
    }

    [Fact]
    public void Changes_nothing_on_disk()
    {
        using var bare = new TempFolder();

        ToolLayout.Place(Tool.ComfyUI, bare.Path, ModelType.LoRA, diffusers: false);

        Assert.Empty(Directory.GetFileSystemEntries(bare.Path));
    }

    [Fact]
    public void Lists_every_folder_a_tool_reads_for_a_type_in_its_order()
    {
        Assert.Equal(new[] { Under("models/Lora"), Under("models/LyCORIS") }, ToolLayout.FoldersRead(Tool.A1111, _root.Path, ModelType.LoRA));
        Assert.Equal(new[] { Under("models/text_encoders"), Under("models/clip") }, ToolLayout.FoldersRead(Tool.ComfyUI, _root.Path, ModelType.TextEncoder));
        Assert.Equal(new[] { Under("models/text_encoder"), Under("models/VAE") }, ToolLayout.FoldersRead(Tool.Forge, _root.Path, ModelType.TextEncoder));
        Assert.Equal(new[] { Under("models/unet"), Under("models/diffusion_models") }, ToolLayout.FoldersRead(Tool.ComfyUI, _root.Path, ModelType.Checkpoint, "Flux.1"));
        Assert.Equal(new[] { Under("models/controlnet"), Under("models/t2i_adapter") }, ToolLayout.FoldersRead(Tool.ComfyUI, _root.Path, ModelType.ControlNet));
        Assert.Empty(ToolLayout.FoldersRead(Tool.ComfyUI, _root.Path, ModelType.Other));
    }

    private string Under(string relative) => Path.GetFullPath(Path.Combine(_root.Path, relative));
}
