using System;
using System.IO;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Installs;

/// <summary>ComfyUI's extra_model_paths.yaml in the tool root, read as ComfyUI reads it (utils/extra_config.py, folder_paths.py).</summary>
public sealed class ExtraModelPathsTests : IDisposable
{
    private const string FileName = "extra_model_paths.yaml";

    private readonly TempFolder _root = new();
    private readonly TempFolder _store = new();

    public void Dispose()
    {
        _root.Dispose();
        _store.Dispose();
    }

    [Fact]
    public void Writes_into_the_section_marked_is_default()
    {
        Yaml($"""
            a1111:
                base_path: {_store.Path}/webui
                loras: models/Lora
            comfyui:
                base_path: {_store.Path}/shared
                is_default: true
                checkpoints: checkpoints
                loras: loras
            """);

        var placement = ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.LoRA, diffusers: false);

        var expected = Path.GetFullPath(Path.Combine(_store.Path, "shared", "loras"));
        Assert.Equal(expected, placement.Folder);
        Assert.Equal($"extra_model_paths.yaml 'comfyui' (is_default) loras → {expected}", placement.Rule);
    }

    [Fact]
    public void Keeps_the_tools_own_folder_when_no_section_is_default_and_lists_the_extra_ones_after_it()
    {
        Yaml($"""
            a1111:
                base_path: {_store.Path}/webui
                loras: |
                    models/Lora
                    models/LyCORIS
            """);

        var placement = ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.LoRA, diffusers: false);

        Assert.Equal(Under(_root, "models/loras"), placement.Folder);
        Assert.Equal("ComfyUI LoRA → models/loras", placement.Rule);
        Assert.Equal(
            new[] { Under(_root, "models/loras"), Under(_store, "webui/models/Lora"), Under(_store, "webui/models/LyCORIS") },
            ToolLayout.FoldersRead(Tool.ComfyUI, _root.Path, ModelType.LoRA));
    }

    [Fact]
    public void Resolves_a_relative_base_path_against_the_files_folder()
    {
        Yaml("""
            comfyui:
                base_path: ../library
                is_default: true
                vae: vae
            """);

        var placement = ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.VAE, diffusers: false);

        Assert.Equal(Path.GetFullPath(Path.Combine(_root.Path, "..", "library", "vae")), placement.Folder);
    }

    [Fact]
    public void Resolves_paths_against_the_files_folder_without_a_base_path_and_keeps_absolute_ones()
    {
        Yaml($"""
            mine:
                is_default: true
                embeddings: my/embeddings
                upscale_models: {_store.Path}/upscalers
            """);

        Assert.Equal(Under(_root, "my/embeddings"), ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.TextualInversion, diffusers: false).Folder);
        Assert.Equal(Under(_store, "upscalers"), ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.Upscaler, diffusers: false).Folder);
    }

    [Fact]
    public void Writes_where_comfyui_lists_first_when_a_default_section_has_several_paths()
    {
        // ComfyUI inserts each is_default path at the front of the list, so the last one written comes first.
        Yaml($"""
            comfyui:
                base_path: {_store.Path}
                is_default: true
                loras: |
                    loras
                    lycoris
            """);

        Assert.Equal(Under(_store, "lycoris"), ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.LoRA, diffusers: false).Folder);
        Assert.Equal(
            new[] { Under(_store, "lycoris"), Under(_store, "loras"), Under(_root, "models/loras") },
            ToolLayout.FoldersRead(Tool.ComfyUI, _root.Path, ModelType.LoRA));
    }

    [Fact]
    public void Writes_into_the_last_default_section_when_several_are_marked()
    {
        Yaml($"""
            first:
                base_path: {_store.Path}/first
                is_default: true
                checkpoints: checkpoints
            second:
                base_path: {_store.Path}/second
                is_default: true
                checkpoints: checkpoints
            """);

        var placement = ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.Checkpoint, diffusers: false);

        Assert.Equal(Under(_store, "second/checkpoints"), placement.Folder);
        Assert.Contains("'second'", placement.Rule);
    }

    [Fact]
    public void Honours_the_legacy_unet_and_clip_keys()
    {
        Yaml($"""
            comfyui:
                base_path: {_store.Path}
                is_default: true
                unet: models/unet
                clip: models/clip
            """);

        Assert.Equal(Under(_store, "models/unet"), ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.Checkpoint, diffusers: false, "Flux.1").Folder);
        Assert.Equal(Under(_store, "models/clip"), ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.TextEncoder, diffusers: false).Folder);
        Assert.Equal(Under(_root, "models/checkpoints"), ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.Checkpoint, diffusers: false).Folder);
    }

    [Fact]
    public void Expands_the_home_folder_and_environment_variables_in_base_path()
    {
        const string variable = "MODELHUB_TEST_EXTRA_MODEL_PATHS";
        Environment.SetEnvironmentVariable(variable, _store.Path);
        try
        {
            Yaml($$"""
                home:
                    base_path: ~/comfy-models
                    checkpoints: checkpoints
                variable:
                    base_path: ${{{variable}}}/models
                    is_default: true
                    hypernetworks: hypernetworks
                """);

            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            Assert.Contains(Path.GetFullPath(Path.Combine(home, "comfy-models", "checkpoints")), ToolLayout.FoldersRead(Tool.ComfyUI, _root.Path, ModelType.Checkpoint));
            Assert.Equal(Under(_store, "models/hypernetworks"), ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.Hypernetwork, diffusers: false).Folder);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("false")]
    [InlineData("no")]
    [InlineData("0")]
    public void Reads_a_false_is_default_as_not_default(string value)
    {
        Yaml($"""
            comfyui:
                base_path: {_store.Path}
                is_default: {value}
                loras: loras
            """);

        Assert.Equal(Under(_root, "models/loras"), ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.LoRA, diffusers: false).Folder);
    }

    [Fact]
    public void Passes_over_empty_sections_and_an_empty_file()
    {
        Yaml("""
            a1111:
            comfyui: ~
            """);
        Assert.Equal(Under(_root, "models/loras"), ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.LoRA, diffusers: false).Folder);

        Yaml(string.Empty);
        Assert.Equal(Under(_root, "models/loras"), ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.LoRA, diffusers: false).Folder);
    }

    [Theory]
    [InlineData("comfyui:\n    loras: [models/loras\n", "")]
    [InlineData("comfyui:\n    loras: a\n  vae: b\n", "")]
    [InlineData("comfyui:\n    loras: a\n    loras: b\n", "")]
    [InlineData("- comfyui\n- a1111\n", "section names")]
    [InlineData("comfyui: models/loras\n", "section 'comfyui'")]
    [InlineData("comfyui:\n    loras:\n        - models/loras\n", "'loras' in section 'comfyui'")]
    public void Refuses_a_malformed_file_naming_it(string yaml, string reason)
    {
        var file = Yaml(yaml);

        var error = Assert.ThrowsAny<ModelHubException>(() => ToolLayout.Place(Tool.ComfyUI, _root.Path, ModelType.LoRA, diffusers: false));

        Assert.Equal(ErrorIds.InvalidConfiguration, error.ErrorId);
        Assert.Equal(file, error.Target);
        Assert.Contains(file, error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains(file, error.RecommendedAction);
    }

    [Fact]
    public void Is_read_only_for_comfyui()
    {
        Yaml("comfyui: [broken");

        Assert.Equal(Under(_root, "models/Lora"), ToolLayout.Place(Tool.A1111, _root.Path, ModelType.LoRA, diffusers: false).Folder);
    }

    private string Yaml(string text) => _root.Write(FileName, text.Replace("\r\n", "\n"));

    private static string Under(TempFolder folder, string relative) => Path.GetFullPath(Path.Combine(folder.Path, relative));
}
