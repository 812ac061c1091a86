using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using Xunit;

namespace ModelHub.Tests.Hubs.HuggingFace;

/// <summary>Every model info recorded from huggingface.co (fixtures/hf), mapped to the unified model.</summary>
public sealed class RecordedModelInfoTests : IDisposable
{
    private readonly HfSourceFixture _hf = new();

    public void Dispose() => _hf.Dispose();

    [Fact]
    public async Task Maps_bert_a_transformers_repo_without_a_base_model()
    {
        var model = await GetAsync("model-info-google-bert--bert-base-uncased.json", "google-bert/bert-base-uncased");

        Assert.Equal(Hub.HuggingFace, model.Hub);
        Assert.Equal("google-bert/bert-base-uncased", model.Id);
        Assert.Equal("bert-base-uncased", model.Name);
        Assert.Equal("google-bert", model.Author);
        Assert.Equal(ModelType.Other, model.Type);
        Assert.Equal(BaseModels.Unknown, model.BaseModel);
        Assert.Null(model.BaseModelRaw);
        Assert.Equal(
            new[]
            {
                "transformers", "pytorch", "tf", "jax", "rust", "coreml", "onnx", "safetensors", "bert", "fill-mask", "exbert", "en",
                "dataset:bookcorpus", "dataset:wikipedia", "arxiv:1810.04805", "license:apache-2.0", "autotrain_compatible",
                "endpoints_compatible", "region:us",
            },
            model.Tags);
        Assert.Equal(72376843, model.Downloads);
        Assert.Equal(2065, model.Likes);
        Assert.Null(model.Rating);
        Assert.Null(model.RatingCount);
        Assert.False(model.Nsfw);
        Assert.False(model.Gated);
        Assert.Equal("apache-2.0", model.License);
        Assert.Equal(DateTimeOffset.Parse("2022-03-02T23:29:04Z"), model.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2024-02-19T11:06:12Z"), model.UpdatedAt);
        Assert.Equal(new Uri("https://hf.example/google-bert/bert-base-uncased"), model.Url);
        Assert.Equal("urn:air:other:other:huggingface:google-bert/bert-base-uncased@86b5e0934494bd15c9632b12f734a8a67f723594", model.Air);
        Assert.Equal(HfSourceFixture.Recorded("model-info-google-bert--bert-base-uncased.json").Trim(), model.Raw);

        var version = Assert.Single(model.Versions);
        Assert.Same(version, model.LatestVersion);
        Assert.Equal(Hub.HuggingFace, version.Hub);
        Assert.Equal("google-bert/bert-base-uncased", version.ModelId);
        Assert.Equal("86b5e0934494bd15c9632b12f734a8a67f723594", version.VersionId);
        Assert.Equal("main", version.Name);
        Assert.Equal(BaseModels.Unknown, version.BaseModel);
        Assert.Null(version.BaseModelRaw);
        Assert.Empty(version.TrainedWords);
        Assert.Equal(DateTimeOffset.Parse("2024-02-19T11:06:12Z"), version.PublishedAt);
        Assert.Null(version.EarlyAccessEndsAt);
        Assert.Equal(new Uri("https://hf.example/google-bert/bert-base-uncased/tree/86b5e0934494bd15c9632b12f734a8a67f723594"), version.Url);
        Assert.Equal(model.Air, version.Air);
        Assert.Equal(
            new[]
            {
                "https://hf.example/api/models/google-bert/bert-base-uncased",
                "https://hf.example/api/models/google-bert/bert-base-uncased/tree/86b5e0934494bd15c9632b12f734a8a67f723594?recursive=true",
            },
            _hf.Requested);
    }

    [Fact]
    public async Task Maps_stable_diffusion_2_1_a_diffusers_base_repo_known_by_the_repo_table()
    {
        var model = await GetAsync("model-info-stabilityai--stable-diffusion-2-1.json", "stabilityai/stable-diffusion-2-1");

        Assert.Equal("stabilityai/stable-diffusion-2-1", model.Id);
        Assert.Equal("stable-diffusion-2-1", model.Name);
        Assert.Equal("stabilityai", model.Author);
        Assert.Equal(ModelType.Checkpoint, model.Type);
        Assert.Equal("SD 2.x", model.BaseModel);
        Assert.Equal("StableDiffusionPipeline", model.BaseModelRaw);
        Assert.Equal(
            new[]
            {
                "diffusers", "safetensors", "stable-diffusion", "text-to-image", "arxiv:2112.10752", "arxiv:2202.00512", "arxiv:1910.09700",
                "license:openrail++", "autotrain_compatible", "endpoints_compatible", "diffusers:StableDiffusionPipeline", "region:us",
            },
            model.Tags);
        Assert.Equal(1015720, model.Downloads);
        Assert.Equal(3928, model.Likes);
        Assert.False(model.Nsfw);
        Assert.False(model.Gated);
        Assert.Equal("openrail++", model.License);
        Assert.Equal(DateTimeOffset.Parse("2022-12-06T17:24:51Z"), model.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2023-07-05T16:19:17Z"), model.UpdatedAt);
        Assert.Equal(new Uri("https://hf.example/stabilityai/stable-diffusion-2-1"), model.Url);
        Assert.Equal("urn:air:sd2:checkpoint:huggingface:stabilityai/stable-diffusion-2-1@5cae40e6a2745ae2b01ad92ae5043f95f23644d6", model.Air);
        var version = Assert.Single(model.Versions);
        Assert.Equal("5cae40e6a2745ae2b01ad92ae5043f95f23644d6", version.VersionId);
        Assert.Equal("SD 2.x", version.BaseModel);
        Assert.Equal("StableDiffusionPipeline", version.BaseModelRaw);
        Assert.Equal(DateTimeOffset.Parse("2023-07-05T16:19:17Z"), version.PublishedAt);
    }

    [Fact]
    public async Task Maps_roberta_a_finetune_whose_base_is_in_the_card_and_the_tags()
    {
        var model = await GetAsync("model-info-deepset--roberta-base-squad2.json", "deepset/roberta-base-squad2");

        Assert.Equal("deepset/roberta-base-squad2", model.Id);
        Assert.Equal("roberta-base-squad2", model.Name);
        Assert.Equal("deepset", model.Author);
        Assert.Equal(ModelType.Other, model.Type);
        Assert.Equal(BaseModels.Unknown, model.BaseModel);
        Assert.Equal("FacebookAI/roberta-base", model.BaseModelRaw);
        Assert.Equal(16, model.Tags.Count);
        Assert.Contains("base_model:finetune:FacebookAI/roberta-base", model.Tags);
        Assert.Equal(1801802, model.Downloads);
        Assert.Equal(842, model.Likes);
        Assert.False(model.Gated);
        Assert.Equal("cc-by-4.0", model.License);
        Assert.Equal(DateTimeOffset.Parse("2022-03-02T23:29:05Z"), model.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2024-09-24T15:48:47Z"), model.UpdatedAt);
        Assert.Equal("urn:air:other:other:huggingface:deepset/roberta-base-squad2@adc3b06f79f797d1c575d5479d6f5efe54a9e3b4", model.Air);
        Assert.Equal("adc3b06f79f797d1c575d5479d6f5efe54a9e3b4", Assert.Single(model.Versions).VersionId);
    }

    [Fact]
    public async Task Maps_the_gated_meta_llama_repo_whose_metadata_still_answers()
    {
        var model = await GetAsync("model-info-gated-meta-llama--Meta-Llama-3-8B-Instruct.json", "meta-llama/Meta-Llama-3-8B-Instruct");

        Assert.Equal("meta-llama/Meta-Llama-3-8B-Instruct", model.Id);
        Assert.Equal("Meta-Llama-3-8B-Instruct", model.Name);
        Assert.Equal("meta-llama", model.Author);
        Assert.True(model.Gated);
        Assert.Equal(ModelType.Other, model.Type);
        Assert.Equal(BaseModels.Unknown, model.BaseModel);
        Assert.Null(model.BaseModelRaw);
        Assert.Equal(15, model.Tags.Count);
        Assert.Equal(1127302, model.Downloads);
        Assert.Equal(3874, model.Likes);
        Assert.Equal("llama3", model.License);
        Assert.Equal(DateTimeOffset.Parse("2024-04-17T09:35:12Z"), model.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2024-09-27T15:52:39Z"), model.UpdatedAt);
        Assert.Equal("urn:air:other:other:huggingface:meta-llama/Meta-Llama-3-8B-Instruct@5f0b02c75b57c5855da9ae460ce51323ea669d8a", model.Air);
        Assert.Equal("5f0b02c75b57c5855da9ae460ce51323ea669d8a", Assert.Single(model.Versions).VersionId);
    }

    [Theory]
    [InlineData("model-info-expand-black-forest-labs--FLUX.1-dev.json", "black-forest-labs/FLUX.1-dev", "FLUX.1-dev", "black-forest-labs", "Flux.1", "urn:air:flux1:other:huggingface:black-forest-labs/FLUX.1-dev")]
    [InlineData("model-info-expand-stabilityai--stable-diffusion-xl-base-1.0.json", "stabilityai/stable-diffusion-xl-base-1.0", "stable-diffusion-xl-base-1.0", "stabilityai", "SDXL", "urn:air:sdxl:other:huggingface:stabilityai/stable-diffusion-xl-base-1.0")]
    public async Task Maps_an_expand_answer_that_holds_only_the_id_and_the_keys_asked_for(string fixture, string id, string name, string author, string family, string air)
    {
        var model = await GetAsync(fixture, id);

        Assert.Equal(id, model.Id);
        Assert.Equal(name, model.Name);
        Assert.Equal(author, model.Author);
        Assert.Equal(family, model.BaseModel);
        Assert.Null(model.BaseModelRaw);
        Assert.Equal(ModelType.Other, model.Type);
        Assert.Empty(model.Tags);
        Assert.Null(model.Downloads);
        Assert.Null(model.Likes);
        Assert.False(model.Gated);
        Assert.Null(model.License);
        Assert.Null(model.CreatedAt);
        Assert.Null(model.UpdatedAt);
        Assert.Equal(air, model.Air);
        Assert.Empty(model.Versions);
        Assert.Null(model.LatestVersion);
        Assert.Single(_hf.Requested);
    }

    [Fact]
    public async Task Maps_recorded_objects_the_same_in_a_search_listing()
    {
        var items = new[]
        {
            "model-info-google-bert--bert-base-uncased.json", "model-info-stabilityai--stable-diffusion-2-1.json", "model-info-deepset--roberta-base-squad2.json",
            "model-info-gated-meta-llama--Meta-Llama-3-8B-Instruct.json", "model-info-expand-black-forest-labs--FLUX.1-dev.json",
        }.Select(HfSourceFixture.Recorded);
        _hf.Hub.Then(() => HfSourceFixture.Page("[" + string.Join(",", items) + "]", next: null));

        var models = await _hf.Source.SearchAsync(new ModelQuery(), HubCallOptions.Default, CancellationToken.None).ToListAsync();

        Assert.Equal(
            new[] { "google-bert/bert-base-uncased", "stabilityai/stable-diffusion-2-1", "deepset/roberta-base-squad2", "meta-llama/Meta-Llama-3-8B-Instruct", "black-forest-labs/FLUX.1-dev" },
            models.Select(model => model.Id));
        Assert.Equal(new[] { "Unknown", "SD 2.x", "Unknown", "Unknown", "Flux.1" }, models.Select(model => model.BaseModel));
        Assert.Equal(new[] { false, false, false, true, false }, models.Select(model => model.Gated));
        Assert.All(models, model => Assert.All(model.Versions, version => Assert.Empty(version.Files)));
    }

    private async Task<Model> GetAsync(string fixture, string id)
    {
        _hf.Hub.Then(() => HfSourceFixture.Json(HfSourceFixture.Recorded(fixture)), () => HfSourceFixture.Json("[]"));
        return await _hf.Source.GetModelAsync(id, HubCallOptions.Default, CancellationToken.None);
    }
}
