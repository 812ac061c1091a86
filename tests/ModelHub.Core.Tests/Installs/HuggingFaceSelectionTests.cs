using System.Linq;
using ModelHub.Errors;
using ModelHub.Installs;
using Xunit;
using static ModelHub.Tests.Installs.InstallSamples;

namespace ModelHub.Tests.Installs;

/// <summary>Hugging Face repositories: the primary file at the root, generic names, diffusers pipeline folders.</summary>
public sealed class HuggingFaceSelectionTests
{
    // A diffusers pipeline as such repositories are laid out: components with fp16 variants, .bin duplicates, other
    // frameworks' weights, plus the single-file checkpoints, README and images at the root.
    private static readonly string[] Pipeline =
    {
        ".gitattributes", "README.md", "misty-harbor.png", "misty-harbor-v1.safetensors", "misty-harbor-v1.ckpt", "model_index.json",
        "scheduler/scheduler_config.json",
        "text_encoder/config.json", "text_encoder/model.safetensors", "text_encoder/model.fp16.safetensors", "text_encoder/pytorch_model.bin", "text_encoder/flax_model.msgpack",
        "text_encoder_2/config.json", "text_encoder_2/model.safetensors",
        "tokenizer/merges.txt", "tokenizer/special_tokens_map.json", "tokenizer/tokenizer_config.json", "tokenizer/vocab.json",
        "unet/config.json", "unet/diffusion_pytorch_model.safetensors", "unet/diffusion_pytorch_model.fp16.safetensors", "unet/diffusion_pytorch_model.bin",
        "unet/diffusion_pytorch_model.fp16.bin", "unet/model.onnx", "unet/README.md",
        "vae/config.json", "vae/diffusion_pytorch_model.safetensors", "vae/diffusion_pytorch_model.fp16.safetensors", "vae/sample.png",
    };

    private const string PipelineRepo = "lumen-labs/misty-harbor-diffusers";

    [Fact]
    public void Installs_a_loras_single_weights_file_under_the_repository_name()
    {
        var selection = Select("pixel-foundry/neon-pixel-lora", new FileCriteria(), ".gitattributes", "README.md", "pytorch_lora_weights.safetensors", "image_0.png");

        var file = Assert.Single(selection.Files);
        Assert.Equal("pytorch_lora_weights.safetensors", file.File.Path);
        Assert.Equal("neon-pixel-lora.safetensors", file.InstallName);
        Assert.False(selection.IsDiffusersFolder);
    }

    [Fact]
    public void Gives_two_repositories_with_the_same_generic_name_different_names()
    {
        var first = Select("pixel-foundry/neon-pixel-lora", new FileCriteria(), "model.safetensors");
        var second = Select("pixel-foundry/ink-wash-lora", new FileCriteria(), "model.safetensors");

        Assert.Equal("neon-pixel-lora.safetensors", first.Files[0].InstallName);
        Assert.Equal("ink-wash-lora.safetensors", second.Files[0].InstallName);
    }

    [Fact]
    public void Keeps_the_name_of_a_single_file_checkpoint()
    {
        var selection = Select("lumen-labs/misty-harbor", new FileCriteria(), ".gitattributes", "README.md", "misty-harbor-v2.safetensors", "sample.jpg");

        Assert.Equal("misty-harbor-v2.safetensors", Assert.Single(selection.Files).InstallName);
    }

    [Fact]
    public void Chooses_the_plain_safetensors_among_root_weights_with_duplicates()
    {
        var selection = Select("lumen-labs/controlnet-canny", new FileCriteria(),
            "config.json", "diffusion_pytorch_model.safetensors", "diffusion_pytorch_model.fp16.safetensors", "diffusion_pytorch_model.bin", "README.md");

        var file = Assert.Single(selection.Files);
        Assert.Equal("diffusion_pytorch_model.safetensors", file.File.Path);
        Assert.Equal("controlnet-canny.safetensors", file.InstallName);
    }

    [Fact]
    public void Refuses_to_guess_between_several_root_weights_and_lists_them()
    {
        var error = Assert.Throws<ModelHubException>(() => Select("lumen-labs/vae-collection", new FileCriteria(), "README.md", "sdxl_vae.safetensors", "sd15_vae.safetensors"));

        Assert.Equal(ErrorIds.NoMatchingFile, error.ErrorId);
        Assert.Equal(HubErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("hf:lumen-labs/vae-collection@" + Commit, error.Target);
        Assert.Contains("sdxl_vae.safetensors (SafeTensor, 976.6 KB)", error.Message);
        Assert.Contains("sd15_vae.safetensors", error.Message);
        Assert.Contains("-FileName", error.RecommendedAction);
    }

    [Fact]
    public void Installs_a_diffusers_pipeline_as_a_folder_of_configs_tokenizers_and_one_set_of_safetensors()
    {
        var selection = Select(PipelineRepo, new FileCriteria(), Pipeline);

        Assert.True(selection.IsDiffusersFolder);
        Assert.Equal(
            new[]
            {
                "model_index.json", "scheduler/scheduler_config.json", "text_encoder/config.json", "text_encoder/model.safetensors",
                "text_encoder_2/config.json", "text_encoder_2/model.safetensors",
                "tokenizer/merges.txt", "tokenizer/special_tokens_map.json", "tokenizer/tokenizer_config.json", "tokenizer/vocab.json",
                "unet/config.json", "unet/diffusion_pytorch_model.safetensors", "vae/config.json", "vae/diffusion_pytorch_model.safetensors",
            },
            selection.Files.Select(file => file.File.Path));
        Assert.All(selection.Files, file => Assert.Equal("misty-harbor-diffusers/" + file.File.Path, file.InstallName));
    }

    [Fact]
    public void Takes_the_variant_precision_asks_for_where_a_component_has_it()
    {
        var selection = Select(PipelineRepo, new FileCriteria { Precision = "FP16" }, Pipeline);

        Assert.True(selection.IsDiffusersFolder);
        var weights = selection.Files.Select(file => file.File.Path).Where(path => path.Contains("model")).ToArray();
        Assert.Equal(
            new[]
            {
                "model_index.json", "text_encoder/model.fp16.safetensors", "text_encoder_2/model.safetensors",
                "unet/diffusion_pytorch_model.fp16.safetensors", "vae/diffusion_pytorch_model.fp16.safetensors",
            },
            weights);
    }

    [Fact]
    public void Reports_a_variant_no_component_has()
    {
        var error = Assert.Throws<ModelHubException>(() => Select(PipelineRepo, new FileCriteria { Precision = "bf16" }, Pipeline));

        Assert.Equal(ErrorIds.NoMatchingFile, error.ErrorId);
        Assert.Contains("-Precision bf16", error.Message);
        Assert.Contains("unet/diffusion_pytorch_model.fp16.safetensors (Diffusers, fp16, 976.6 KB)", error.Message);
    }

    [Fact]
    public void Takes_the_only_variant_of_a_component_that_has_no_plain_weights()
    {
        var selection = Select(PipelineRepo, new FileCriteria(), "model_index.json", "unet/config.json", "unet/diffusion_pytorch_model.fp16.safetensors");

        Assert.Contains(selection.Files, file => file.File.Path == "unet/diffusion_pytorch_model.fp16.safetensors");
    }

    [Fact]
    public void Keeps_the_shards_and_index_of_one_variant()
    {
        var selection = Select(PipelineRepo, new FileCriteria(),
            "model_index.json", "transformer/config.json",
            "transformer/diffusion_pytorch_model-00001-of-00002.safetensors", "transformer/diffusion_pytorch_model-00002-of-00002.safetensors",
            "transformer/diffusion_pytorch_model.safetensors.index.json",
            "transformer/diffusion_pytorch_model.fp16-00001-of-00002.safetensors", "transformer/diffusion_pytorch_model.fp16-00002-of-00002.safetensors",
            "transformer/diffusion_pytorch_model.safetensors.index.fp16.json",
            "transformer/diffusion_pytorch_model-00001-of-00002.bin", "transformer/diffusion_pytorch_model.bin.index.json");

        Assert.Equal(
            new[]
            {
                "model_index.json", "transformer/config.json",
                "transformer/diffusion_pytorch_model-00001-of-00002.safetensors", "transformer/diffusion_pytorch_model-00002-of-00002.safetensors",
                "transformer/diffusion_pytorch_model.safetensors.index.json",
            },
            selection.Files.Select(file => file.File.Path));
    }

    [Fact]
    public void Narrows_a_pipeline_folder_with_include_and_exclude()
    {
        var without = Select(PipelineRepo, new FileCriteria { Exclude = new[] { "text_encoder*/**" } }, Pipeline);
        var only = Select(PipelineRepo, new FileCriteria { Include = new[] { "unet/**", "model_index.json" } }, Pipeline);

        Assert.True(without.IsDiffusersFolder);
        Assert.DoesNotContain(without.Files, file => file.File.Path.StartsWith("text_encoder"));
        Assert.Contains(without.Files, file => file.File.Path == "unet/diffusion_pytorch_model.safetensors");
        Assert.Equal(new[] { "model_index.json", "unet/config.json", "unet/diffusion_pytorch_model.safetensors" }, only.Files.Select(file => file.File.Path));
    }

    [Fact]
    public void Chooses_a_single_file_checkpoint_of_a_pipeline_repository_by_name()
    {
        var selection = Select(PipelineRepo, new FileCriteria { FileName = new[] { "misty-harbor-v?.safetensors" } }, Pipeline);

        Assert.False(selection.IsDiffusersFolder);
        Assert.Equal("misty-harbor-v1.safetensors", Assert.Single(selection.Files).InstallName);
    }

    [Fact]
    public void Chooses_files_of_any_folder_with_a_glob()
    {
        var selection = Select("lumen-labs/misty-harbor-extras", new FileCriteria { Include = new[] { "**/*.safetensors" } },
            "README.md", "misty.safetensors", "loras/ink.safetensors", "loras/ink.json");

        Assert.Equal(new[] { "misty.safetensors", "ink.safetensors" }, selection.Files.Select(file => file.InstallName));
    }

    [Fact]
    public void Keeps_a_single_star_glob_within_one_folder()
    {
        var selection = Select("lumen-labs/misty-harbor-extras", new FileCriteria { Include = new[] { "*.SafeTensors" }, Exclude = new[] { "*-old.*" } },
            "README.md", "misty.safetensors", "misty-old.safetensors", "loras/ink.safetensors");

        Assert.Equal("misty.safetensors", Assert.Single(selection.Files).InstallName);
    }

    [Fact]
    public void Refuses_pickle_weights_in_a_pipeline_unless_allowed()
    {
        var files = new[] { "model_index.json", "unet/config.json", "unet/diffusion_pytorch_model.bin" };

        var error = Assert.Throws<ModelHubException>(() => Select(PipelineRepo, new FileCriteria(), files));
        var allowed = Select(PipelineRepo, new FileCriteria { AllowPickle = true }, files);

        Assert.Equal(ErrorIds.PickleFormatRefused, error.ErrorId);
        Assert.Equal(HubErrorCategory.SecurityError, error.Category);
        Assert.Contains("unet/diffusion_pytorch_model.bin (no scan result from the hub)", error.Message);
        Assert.Contains(allowed.Files, file => file.File.Path == "unet/diffusion_pytorch_model.bin");
    }

    [Fact]
    public void Refuses_a_pickle_primary_file_with_what_to_do()
    {
        var error = Assert.Throws<ModelHubException>(() => Select("old-school/textual-inversion", new FileCriteria(), "README.md", "learned_embeds.bin"));

        Assert.Equal(ErrorIds.PickleFormatRefused, error.ErrorId);
        Assert.Contains("learned_embeds.bin", error.Message);
        Assert.Contains("-AllowPickle", error.RecommendedAction);
        Assert.Contains("-Format SafeTensor", error.RecommendedAction);
    }

    [Fact]
    public void Keeps_the_folders_of_generic_names_chosen_from_subfolders()
    {
        var selection = Select("pixel-foundry/neon-pixel-lora", new FileCriteria { Include = new[] { "**/lora.safetensors" } },
            "epoch-10/lora.safetensors", "epoch-20/lora.safetensors");

        Assert.Equal(new[] { "neon-pixel-lora-epoch-10.safetensors", "neon-pixel-lora-epoch-20.safetensors" }, selection.Files.Select(file => file.InstallName));
    }

    [Fact]
    public void Names_files_with_the_same_name_in_two_folders_by_their_folders()
    {
        var selection = Select("pixel-foundry/neon-pixel-lora", new FileCriteria { FileName = new[] { "style.safetensors" } },
            "fp16/style.safetensors", "bf16/style.safetensors");

        Assert.Equal(new[] { "fp16-style.safetensors", "bf16-style.safetensors" }, selection.Files.Select(file => file.InstallName));
    }

    [Fact]
    public void Sanitises_every_segment_of_a_pipeline_folder()
    {
        var selection = Select("lumen-labs/CON", new FileCriteria(), "model_index.json", "unet/../../escape/config.json", "AUX/config.json", "unet/we:ird*name.json");

        Assert.Equal(
            new[] { "_CON/model_index.json", "_CON/unet/_/_/escape/config.json", "_CON/_AUX/config.json", "_CON/unet/we_ird_name.json" },
            selection.Files.Select(file => file.InstallName));
    }

    [Fact]
    public void Sanitises_the_repository_name_a_generic_file_takes()
    {
        var selection = Select("lumen-labs/NUL", new FileCriteria(), "pytorch_lora_weights.safetensors");

        Assert.Equal("_NUL.safetensors", Assert.Single(selection.Files).InstallName);
    }

    private static SelectionResult Select(string repoId, FileCriteria criteria, params string[] paths) =>
        FileSelection.Select(HfModel(repoId), HfVersion(repoId), RepoFiles(repoId, paths), criteria);
}
