using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Cards;
using ModelHub.Discovery;
using ModelHub.Errors;
using Xunit;

namespace ModelHub.Tests.Hubs.HuggingFace;

/// <summary>A repo's card (README.md at the revision's commit) and the images it shows.</summary>
public sealed class CardTests : IDisposable
{
    private const string Commit = "4444444444444444444444444444444444444444";
    private const string Repo = "northlight/hazy-meadow-xl-lora";

    private const string Readme = """
        ---
        license: openrail++
        library_name: diffusers
        tags:
        - text-to-image
        - lora
        - template:sd-lora
        base_model: stabilityai/stable-diffusion-xl-base-1.0
        instance_prompt:
        - <s0><s1>
        - hazy meadow style
        pinned: true
        widget:
        - text: hazy meadow style, a lighthouse at dusk
          parameters:
            negative_prompt: blurry
          output:
            url: images/hazy 1.png
        - text: hazy meadow style, a fox
          output:
            url: https://cdn.example/fox.jpeg
        - text: no image here
        ---

        # Hazy Meadow XL

        A LoRA for [SDXL](https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0).

        ![again](./images/hazy%201.png) ![root](/northlight/other/resolve/main/x.png)
        <img src="https://cdn.example/banner.jpg"> ![inline](data:image/png;base64,AAAA)
        """;

    private readonly HfSourceFixture _hf = new();

    public void Dispose() => _hf.Dispose();

    [Fact]
    public async Task Reads_the_README_at_the_commit_the_revision_points_to()
    {
        Answer(Info(), Text(Readme.Replace("\n", "\r\n")));

        var card = await _hf.Source.GetCardAsync(Repo, "dev", HubCallOptions.Default, CancellationToken.None);

        Assert.StartsWith($"https://hf.example/api/models/{Repo}/revision/dev?expand=author&expand=cardData", _hf.Requested[0]);
        Assert.Equal($"https://hf.example/{Repo}/resolve/{Commit}/README.md", _hf.Requested[1]);
        Assert.Equal((Hub.HuggingFace, Repo, Commit), (card.Hub, card.Id, card.VersionId));
        Assert.Equal("Hazy Meadow XL", card.Title);
        Assert.Equal("openrail++", card.License);
        Assert.Equal(BaseModels.FromHuggingFace(Repo, new[] { "stabilityai/stable-diffusion-xl-base-1.0" }, null), card.BaseModel);
        Assert.NotEqual(BaseModels.Unknown, card.BaseModel);
        Assert.Equal(new[] { "<s0><s1>", "hazy meadow style" }, card.TrainedWords);
        Assert.Equal(new[] { "text-to-image", "lora", "template:sd-lora" }, card.Tags);
        Assert.Equal(new[] { "license", "library_name", "tags", "base_model", "instance_prompt", "pinned", "widget" }, Assert.IsType<List<KeyValuePair<string, object?>>>(card.Metadata).Select(pair => pair.Key));
        Assert.Equal(true, PlainValues.Member(card.Metadata, "pinned"));
        Assert.StartsWith("# Hazy Meadow XL\n\nA LoRA for [SDXL](https://huggingface.co/", card.Markdown);
        Assert.StartsWith("Hazy Meadow XL\n\nA LoRA for SDXL.", card.Text);
        Assert.Equal(Readme.Replace("\n", "\r\n"), card.Raw);
        Assert.Equal(new Uri($"https://hf.example/{Repo}"), card.Url);
        Assert.Empty(card.Warnings);
    }

    [Fact]
    public async Task A_repo_without_a_README_gets_a_card_from_its_model_info_and_a_warning()
    {
        Answer(Info(), HfSourceFixture.Error(404, "EntryNotFound", "Entry not found"));

        var card = await _hf.Source.GetCardAsync(Repo, null, HubCallOptions.Default, CancellationToken.None);

        Assert.Equal(("hazy-meadow-xl-lora", "openrail++", Commit), (card.Title, card.License, card.VersionId));
        Assert.Equal(new[] { "hazy meadow style, TOK" }, card.TrainedWords);
        Assert.Contains("lora", card.Tags);
        Assert.Null(card.Metadata);
        Assert.Equal(string.Empty, card.Markdown);
        Assert.Contains("has no model card", Assert.Single(card.Warnings));
    }

    [Fact]
    public async Task Broken_front_matter_is_a_warning_and_the_README_is_still_shown()
    {
        Answer(Info(), Text("---\ntags: [a, b\n---\n# Title\n\nBody text.\n"));

        var card = await _hf.Source.GetCardAsync(Repo, null, HubCallOptions.Default, CancellationToken.None);

        Assert.Contains("not valid YAML", Assert.Single(card.Warnings));
        Assert.Null(card.Metadata);
        Assert.Equal("hazy-meadow-xl-lora", card.Title);
        Assert.Contains("Body text.", card.Text);
        Assert.Equal(new[] { "hazy meadow style, TOK" }, card.TrainedWords);
    }

    [Fact]
    public async Task An_unknown_repo_is_not_found()
    {
        _hf.Hub.Then(() => HfSourceFixture.Error(404, "RepoNotFound", "Repository not found"));

        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => _hf.Source.GetCardAsync("nobody/nothing", null, HubCallOptions.Default, CancellationToken.None));

        Assert.Equal(ErrorIds.HubModelNotFound, error.ErrorId);
    }

    [Fact]
    public async Task Images_are_the_widget_outputs_with_their_prompts_then_the_README_images_each_once()
    {
        Answer(Info(), Text(Readme));

        var images = await _hf.Source.GetImagesAsync(Repo, null, includeNsfw: false, HubCallOptions.Default, CancellationToken.None).ToListAsync();

        Assert.Equal(
            new[]
            {
                $"https://hf.example/{Repo}/resolve/{Commit}/images/hazy%201.png",
                "https://cdn.example/fox.jpeg",
                "https://hf.example/northlight/other/resolve/main/x.png",
                "https://cdn.example/banner.jpg",
            },
            images.Select(image => image.Url.AbsoluteUri));
        Assert.Equal(("hazy meadow style, a lighthouse at dusk", "blurry"), (images[0].Prompt, images[0].NegativePrompt));
        Assert.Equal(("hazy meadow style, a fox", (string?)null), (images[1].Prompt, images[1].NegativePrompt));
        Assert.All(images.Skip(2), image => Assert.Null(image.Prompt));
        Assert.All(images, image =>
        {
            Assert.Equal((Hub.HuggingFace, Repo, Commit), (image.Hub, image.ModelId, image.VersionId));
            Assert.False(image.Nsfw);
            Assert.Null(image.NsfwLevel);
        });
    }

    [Fact]
    public async Task A_not_for_all_audiences_repos_images_are_all_NSFW_and_only_shown_when_asked()
    {
        Answer(Info("not-for-all-audiences"), Text(Readme));
        var hidden = await _hf.Source.GetImagesAsync(Repo, null, includeNsfw: false, HubCallOptions.Default, CancellationToken.None).ToListAsync();

        Answer(Info("not-for-all-audiences"), Text(Readme));
        var shown = await _hf.Source.GetImagesAsync(Repo, null, includeNsfw: true, HubCallOptions.Default, CancellationToken.None).ToListAsync();

        Assert.Empty(hidden);
        Assert.Equal(4, shown.Count);
        Assert.All(shown, image => Assert.True(image.Nsfw));
    }

    private void Answer(string info, HttpResponseMessage readme) => _hf.Hub.Then(() => HfSourceFixture.Json(info), () => readme);

    private static string Info(params string[] extraTags)
    {
        var tags = string.Concat(extraTags.Select(tag => ",\"" + tag + "\""));
        return $$$"""
            {"_id":"6500aa00bb11cc22dd33ee60","id":"{{{Repo}}}","author":"northlight","sha":"{{{Commit}}}","library_name":"diffusers",
             "tags":["lora","base_model:adapter:stabilityai/stable-diffusion-xl-base-1.0","license:openrail++"{{{tags}}}],
             "cardData":{"base_model":"stabilityai/stable-diffusion-xl-base-1.0","instance_prompt":"hazy meadow style, TOK","license":"openrail++"}}
            """;
    }

    private static HttpResponseMessage Text(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
}
