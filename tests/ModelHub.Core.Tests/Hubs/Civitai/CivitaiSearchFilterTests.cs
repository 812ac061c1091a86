using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.Discovery;
using Xunit;

namespace ModelHub.Tests.Hubs.Civitai;

/// <summary>Every filter checked again on the results, exactly, whatever the hub let through; the hub's order kept.</summary>
public sealed class CivitaiSearchFilterTests : IDisposable
{
    private readonly CivitaiHarness _civitai = new();

    public void Dispose() => _civitai.Dispose();

    [Fact]
    public async Task Types_are_exact_LoRA_means_LORA_only()
    {
        var ids = await IdsFor(
            new ModelQuery { Types = new[] { ModelType.LoRA } },
            CivitaiSamples.Model(1, type: "LORA"),
            CivitaiSamples.Model(2, type: "LoCon"),
            CivitaiSamples.Model(3, type: "DoRA"),
            CivitaiSamples.Model(4, type: "LORA"));

        Assert.Equal(new[] { "1", "4" }, ids);
    }

    [Fact]
    public async Task Other_takes_every_type_ModelHub_has_no_name_for()
    {
        var ids = await IdsFor(
            new ModelQuery { Types = new[] { ModelType.Other } },
            CivitaiSamples.Model(1, type: "Poses"),
            CivitaiSamples.Model(2, type: "Checkpoint"),
            CivitaiSamples.Model(3, type: "Wildcards"),
            CivitaiSamples.Model(4, type: "Workflows"));

        Assert.Equal(new[] { "1", "3", "4" }, ids);
    }

    [Fact]
    public async Task The_family_is_the_latest_versions()
    {
        var ids = await IdsFor(
            new ModelQuery { BaseModels = new[] { "SDXL" } },
            CivitaiSamples.Model(1, baseModel: "SDXL Lightning"),
            CivitaiSamples.Model(2, baseModel: "Pony", olderBaseModel: "SDXL 1.0"),
            CivitaiSamples.Model(3, baseModel: "SD 1.5"),
            CivitaiSamples.Model(4, baseModel: "SDXL 1.0"));

        Assert.Equal(new[] { "1", "4" }, ids);
    }

    [Fact]
    public async Task Unknown_is_a_family_too()
    {
        var ids = await IdsFor(
            new ModelQuery { BaseModels = new[] { "unknown" } },
            CivitaiSamples.Model(1, baseModel: ""),
            CivitaiSamples.Model(2, baseModel: "SD 1.5"));

        Assert.Equal(new[] { "1" }, ids);
    }

    [Fact]
    public async Task Every_tag_is_required_in_any_case()
    {
        var ids = await IdsFor(
            new ModelQuery { Tags = new[] { "Style", "anime" } },
            CivitaiSamples.Model(1, tags: new[] { "style", "anime", "girl" }),
            CivitaiSamples.Model(2, tags: new[] { "style" }),
            CivitaiSamples.Model(3, tags: new[] { "ANIME", "STYLE" }));

        Assert.Equal(new[] { "1", "3" }, ids);
    }

    [Fact]
    public async Task The_author_is_the_creator_in_any_case()
    {
        var ids = await IdsFor(
            new ModelQuery { Author = "PixelPawsAI" },
            CivitaiSamples.Model(1, username: "pixelpawsai"),
            CivitaiSamples.Model(2, username: "someone"));

        Assert.Equal(new[] { "1" }, ids);
    }

    [Fact]
    public async Task Nsfw_models_are_left_out_unless_included()
    {
        var models = new[]
        {
            CivitaiSamples.Model(1, nsfwLevel: 1),
            CivitaiSamples.Model(2, nsfwLevel: 2),
            CivitaiSamples.Model(3, nsfwLevel: 4),
            CivitaiSamples.Model(4, nsfw: true),
            CivitaiSamples.Model(5, nsfwLevel: 28),
        };

        Assert.Equal(new[] { "1", "2" }, await IdsFor(new ModelQuery(), models));
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, await IdsFor(new ModelQuery { IncludeNsfw = true }, models));
    }

    [Fact]
    public async Task Real_people_are_left_out_under_the_strict_policy_only()
    {
        var models = new[] { CivitaiSamples.Model(1, poi: true), CivitaiSamples.Model(2) };

        Assert.Equal(new[] { "1", "2" }, await IdsFor(new ModelQuery(), models));
        Assert.Equal(new[] { "2" }, await IdsFor(new ModelQuery { ExcludeRealPeople = true }, models));
    }

    [Fact]
    public async Task Filters_combine_and_the_hubs_order_is_kept()
    {
        var ids = await IdsFor(
            new ModelQuery { Types = new[] { ModelType.LoRA, ModelType.Checkpoint }, BaseModels = new[] { "Illustrious" }, Tags = new[] { "style" } },
            CivitaiSamples.Model(9, type: "Checkpoint", baseModel: "Illustrious"),
            CivitaiSamples.Model(3, type: "LORA", baseModel: "Illustrious", tags: new[] { "character" }),
            CivitaiSamples.Model(7, type: "LORA", baseModel: "Illustrious"),
            CivitaiSamples.Model(1, type: "VAE", baseModel: "Illustrious"));

        Assert.Equal(new[] { "9", "7" }, ids);
    }

    private async Task<string[]> IdsFor(ModelQuery query, params JsonObject[] models)
    {
        // Each call answers with fresh copies: a JsonNode belongs to one parent.
        _civitai.Answer(CivitaiHarness.Page(models.Select(model => model.DeepClone())));
        return (await _civitai.SearchAsync(query)).Select(model => model.Id).ToArray();
    }
}
