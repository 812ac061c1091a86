using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using Xunit;

namespace ModelHub.Tests.Hubs.HuggingFace;

/// <summary>
/// Model objects in the shapes hf-api.md documents, written here so the suite stands alone: diffusers pipelines,
/// LoRAs (base_model a string, a list, or only base_model:* tags), instance prompts, NSFW and gated repos, and
/// answers missing optional keys.
/// </summary>
public sealed class ModelMappingTests : IDisposable
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private readonly HfSourceFixture _hf = new();

    public void Dispose() => _hf.Dispose();

    [Fact]
    public async Task Maps_a_diffusers_pipeline_without_a_base_model_by_its_pipeline_class()
    {
        var model = await MapAsync($$$"""
            {"_id":"6500aa00bb11cc22dd33ee44","id":"lumen-labs/misty-harbor-xl-diffusers","author":"lumen-labs","sha":"{{{Sha}}}",
             "pipeline_tag":"text-to-image","library_name":"diffusers",
             "tags":["diffusers","safetensors","stable-diffusion-xl","text-to-image","license:openrail++","diffusers:StableDiffusionXLPipeline","region:us"],
             "config":{"diffusers":{"_class_name":"StableDiffusionXLPipeline"}},
             "cardData":{"license":"openrail++","library_name":"diffusers","tags":["text-to-image","diffusers"],"pipeline_tag":"text-to-image"},
             "downloads":1234,"likes":56,"gated":false,"private":false,"trendingScore":7,
             "createdAt":"2025-01-02T03:04:05.000Z","lastModified":"2025-02-03T04:05:06.000Z"}
            """);

        Assert.Equal("lumen-labs/misty-harbor-xl-diffusers", model.Id);
        Assert.Equal("misty-harbor-xl-diffusers", model.Name);
        Assert.Equal("lumen-labs", model.Author);
        Assert.Equal(ModelType.Checkpoint, model.Type);
        Assert.Equal("SDXL", model.BaseModel);
        Assert.Equal("StableDiffusionXLPipeline", model.BaseModelRaw);
        Assert.Equal(1234, model.Downloads);
        Assert.Equal(56, model.Likes);
        Assert.Equal("openrail++", model.License);
        Assert.Equal(DateTimeOffset.Parse("2025-01-02T03:04:05Z"), model.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2025-02-03T04:05:06Z"), model.UpdatedAt);
        Assert.Equal("urn:air:sdxl:checkpoint:huggingface:lumen-labs/misty-harbor-xl-diffusers@" + Sha, model.Air);
        Assert.Equal(new Uri("https://hf.example/lumen-labs/misty-harbor-xl-diffusers"), model.Url);
        var version = Assert.Single(model.Versions);
        Assert.Equal(Sha, version.VersionId);
        Assert.Equal("main", version.Name);
        Assert.Equal("SDXL", version.BaseModel);
        Assert.Equal(new Uri("https://hf.example/lumen-labs/misty-harbor-xl-diffusers/tree/" + Sha), version.Url);
    }

    [Fact]
    public async Task Takes_the_pipeline_class_from_a_diffusers_tag_when_there_is_no_config()
    {
        var model = await MapAsync("""{"id":"someone/flux-pipeline","tags":["diffusers:FluxPipeline"]}""");

        Assert.Equal(ModelType.Checkpoint, model.Type);
        Assert.Equal("Flux.1", model.BaseModel);
        Assert.Equal("FluxPipeline", model.BaseModelRaw);
    }

    [Fact]
    public async Task Maps_a_lora_whose_card_names_one_base_model_as_a_string()
    {
        var model = await MapAsync($$"""
            {"_id":"6500aa00bb11cc22dd33ee45","id":"pixel-foundry/neon-pixel-xl-lora","author":"pixel-foundry","sha":"{{Sha}}",
             "pipeline_tag":"text-to-image","library_name":"diffusers",
             "tags":["diffusers","text-to-image","stable-diffusion-xl","lora","template:sd-lora",
                     "base_model:stabilityai/stable-diffusion-xl-base-1.0","base_model:adapter:stabilityai/stable-diffusion-xl-base-1.0","license:mit","region:us"],
             "cardData":{"license":"mit","library_name":"diffusers","base_model":"stabilityai/stable-diffusion-xl-base-1.0","instance_prompt":"neon pixel style, TOK"},
             "lastModified":"2025-03-04T05:06:07.000Z"}
            """);

        Assert.Equal(ModelType.LoRA, model.Type);
        Assert.Equal("SDXL", model.BaseModel);
        Assert.Equal("stabilityai/stable-diffusion-xl-base-1.0", model.BaseModelRaw);
        Assert.Equal("mit", model.License);
        Assert.Equal("urn:air:sdxl:lora:huggingface:pixel-foundry/neon-pixel-xl-lora@" + Sha, model.Air);
        var version = Assert.Single(model.Versions);
        Assert.Equal(new[] { "neon pixel style, TOK" }, version.TrainedWords);
        Assert.Equal("stabilityai/stable-diffusion-xl-base-1.0", version.BaseModelRaw);
        Assert.Equal(DateTimeOffset.Parse("2025-03-04T05:06:07Z"), version.PublishedAt);
    }

    [Fact]
    public async Task Maps_a_lora_whose_card_lists_base_models_taking_the_first()
    {
        var model = await MapAsync($$$"""
            {"id":"dreamforge/amber-orchard-flux-lora","sha":"{{{Sha}}}","library_name":"diffusers","tags":["lora","base_model:adapter:black-forest-labs/FLUX.1-dev"],
             "cardData":{"base_model":["black-forest-labs/FLUX.1-dev","stabilityai/stable-diffusion-xl-base-1.0"],"instance_prompt":["amber orchard","TOK"]}}
            """);

        Assert.Equal(ModelType.LoRA, model.Type);
        Assert.Equal("Flux.1", model.BaseModel);
        Assert.Equal("black-forest-labs/FLUX.1-dev", model.BaseModelRaw);
        Assert.Equal("dreamforge", model.Author);
        Assert.Equal(new[] { "amber orchard", "TOK" }, Assert.Single(model.Versions).TrainedWords);
    }

    [Theory]
    [InlineData("base_model:adapter:stable-diffusion-v1-5/stable-diffusion-v1-5", "SD 1.5")]
    [InlineData("base_model:finetune:stabilityai/stable-diffusion-xl-base-1.0", "SDXL")]
    [InlineData("base_model:quantized:black-forest-labs/FLUX.1-schnell", "Flux.1")]
    [InlineData("base_model:merge:stabilityai/stable-diffusion-3.5-large", "SD 3.x")]
    [InlineData("base_model:stabilityai/stable-diffusion-2-1-base", "SD 2.x")]
    public async Task Reads_the_base_model_from_base_model_tags_alone(string tag, string family)
    {
        var model = await MapAsync($$"""{"id":"tidepool/tagged-only","pipeline_tag":"text-to-image","tags":["lora","{{tag}}"]}""");

        Assert.Equal(family, model.BaseModel);
        Assert.Equal(tag.Substring(tag.LastIndexOf(':') + 1), model.BaseModelRaw);
    }

    [Fact]
    public async Task Keeps_an_unknown_base_repo_as_the_raw_value_with_an_unknown_family()
    {
        var model = await MapAsync("""{"id":"kiln-studio/pony-style-lora","tags":["lora","base_model:adapter:someone/pony-diffusion-v6-xl"]}""");

        Assert.Equal(BaseModels.Unknown, model.BaseModel);
        Assert.Equal("someone/pony-diffusion-v6-xl", model.BaseModelRaw);
        Assert.Equal("urn:air:other:lora:huggingface:kiln-studio/pony-style-lora", model.Air);
    }

    [Theory]
    [InlineData("lycoris", ModelType.LyCORIS)]
    [InlineData("dora", ModelType.DoRA)]
    [InlineData("textual_inversion", ModelType.TextualInversion)]
    [InlineData("textual-inversion", ModelType.TextualInversion)]
    [InlineData("controlnet", ModelType.ControlNet)]
    [InlineData("vae", ModelType.VAE)]
    [InlineData("super-resolution", ModelType.Upscaler)]
    [InlineData("animatediff", ModelType.MotionModule)]
    public async Task Types_a_repo_by_its_type_tag(string tag, ModelType type)
    {
        var model = await MapAsync($$"""{"id":"oakmoss/typed","library_name":"diffusers","tags":["diffusers","{{tag}}"]}""");

        Assert.Equal(type, model.Type);
    }

    [Theory]
    [InlineData("""{"id":"a/b","pipeline_tag":"image-to-image"}""", ModelType.Checkpoint)]
    [InlineData("""{"id":"a/b","library_name":"diffusers"}""", ModelType.Checkpoint)]
    [InlineData("""{"id":"a/b","config":{"diffusers":{"_class_name":"SomePipeline"}}}""", ModelType.Checkpoint)]
    [InlineData("""{"id":"a/b","pipeline_tag":"text-generation","library_name":"transformers"}""", ModelType.Other)]
    [InlineData("""{"id":"a/b"}""", ModelType.Other)]
    public async Task Makes_image_generation_repos_without_a_type_tag_checkpoints(string json, ModelType type)
    {
        var model = await MapAsync(json);

        Assert.Equal(type, model.Type);
    }

    [Fact]
    public async Task Marks_a_repo_tagged_not_for_all_audiences_as_nsfw()
    {
        var model = await MapAsync("""{"id":"saltmarsh/velvet-ruins-lora","tags":["lora","not-for-all-audiences"]}""");

        Assert.True(model.Nsfw);
        Assert.Null(model.NsfwLevel);
        Assert.False(model.Poi);
    }

    [Theory]
    [InlineData("\"auto\"", true)]
    [InlineData("\"manual\"", true)]
    [InlineData("false", false)]
    public async Task Reads_gated(string gated, bool expected)
    {
        var model = await MapAsync($$"""{"id":"glasshouse/gated","gated":{{gated}}}""");

        Assert.Equal(expected, model.Gated);
    }

    [Fact]
    public async Task Takes_the_license_from_a_license_tag_when_the_card_has_none()
    {
        var model = await MapAsync("""{"id":"fernweh/tagged-license","tags":["license:cc-by-nc-4.0"],"cardData":{"tags":["x"]}}""");

        Assert.Equal("cc-by-nc-4.0", model.License);
    }

    [Fact]
    public async Task Maps_an_object_with_nothing_but_its_id()
    {
        var model = await MapAsync("""{"_id":"6500aa00bb11cc22dd33ee46","id":"quartz-lab/bare"}""");

        Assert.Equal("bare", model.Name);
        Assert.Equal("quartz-lab", model.Author);
        Assert.Equal(ModelType.Other, model.Type);
        Assert.Equal(BaseModels.Unknown, model.BaseModel);
        Assert.Null(model.BaseModelRaw);
        Assert.Empty(model.Tags);
        Assert.Null(model.Downloads);
        Assert.Null(model.Likes);
        Assert.Null(model.License);
        Assert.False(model.Gated);
        Assert.False(model.Nsfw);
        Assert.Null(model.CreatedAt);
        Assert.Null(model.UpdatedAt);
        Assert.Empty(model.Versions);
        Assert.Equal("urn:air:other:other:huggingface:quartz-lab/bare", model.Air);
    }

    [Fact]
    public async Task Reads_odd_values_of_optional_keys_as_absent()
    {
        var model = await MapAsync("""
            {"id":"mireille/odd","author":null,"tags":{"lora":true},"downloads":"12","likes":1.5,"createdAt":"yesterday",
             "cardData":{"base_model":[null,"",42],"instance_prompt":{"text":"x"},"license":["mit"]},"config":{"diffusers":"x"}}
            """);

        Assert.Equal("mireille", model.Author);
        Assert.Empty(model.Tags);
        Assert.Null(model.Downloads);
        Assert.Null(model.Likes);
        Assert.Null(model.CreatedAt);
        Assert.Null(model.BaseModelRaw);
        Assert.Null(model.License);
        Assert.Equal(ModelType.Other, model.Type);
    }

    [Fact]
    public async Task Maps_a_legacy_id_without_an_owner()
    {
        var model = await MapAsync("""{"id":"gpt2"}""");

        Assert.Equal("gpt2", model.Name);
        Assert.Null(model.Author);
        Assert.Equal(new Uri("https://hf.example/gpt2"), model.Url);
    }

    [Fact]
    public async Task Refuses_a_model_object_without_an_id()
    {
        _hf.Hub.Then(() => HfSourceFixture.Json("""[{"_id":"6500aa00bb11cc22dd33ee47","downloads":3}]"""));

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => _hf.Source.SearchAsync(new ModelQuery(), HubCallOptions.Default, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(ErrorIds.InvalidHubResponse, error.ErrorId);
        Assert.Equal(Hub.HuggingFace, error.Hub);
    }

    [Fact]
    public async Task Refuses_a_listing_that_is_not_an_array()
    {
        _hf.Hub.Then(() => HfSourceFixture.Json("""{"error":"no"}"""));

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => _hf.Source.SearchAsync(new ModelQuery(), HubCallOptions.Default, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal(ErrorIds.InvalidHubResponse, error.ErrorId);
    }

    [Fact]
    public async Task Keeps_the_object_text_as_raw()
    {
        const string json = """{"id":"cinder-works/raw","inferenceProviderMapping":{"fal-ai":{"status":"live"}}}""";

        var model = await MapAsync(json);

        Assert.Equal(json, model.Raw);
    }

    /// <summary>The model a one-item listing maps to (nothing filtered out).</summary>
    private async Task<Model> MapAsync(string json)
    {
        _hf.Hub.Then(() => HfSourceFixture.Json("[" + json + "]"));
        var models = await _hf.Source.SearchAsync(new ModelQuery { IncludeNsfw = true }, HubCallOptions.Default, CancellationToken.None).ToListAsync();
        return Assert.Single(models);
    }
}
