using System.Collections.Generic;
using System.Linq;
using ModelHub.Cards;
using Xunit;

namespace ModelHub.Tests.Cards;

/// <summary>README front matter: every key with its YAML type, LF or CRLF, and broken or missing front matter as warnings.</summary>
public sealed class FrontMatterTests
{
    // The diffusers LoRA card of hf-api.md §7, as the emulator writes them.
    private const string LoraCard = """
        ---
        license: openrail++
        library_name: diffusers
        tags: [text-to-image, diffusers-training, diffusers, lora, template:sd-lora, stable-diffusion-xl, stable-diffusion-xl-diffusers]
        base_model: stabilityai/stable-diffusion-xl-base-1.0
        instance_prompt: a photo of TOK dog
        widget:
        - text: 'a photo of TOK dog in a bucket'
          output:
            url: image_0.png
        ---

        # SDXL LoRA DreamBooth - dog

        You should use `a photo of TOK dog` to trigger the image generation.
        """;

    [Fact]
    public void Reads_a_diffusers_LoRA_card_key_by_key_in_order()
    {
        var card = FrontMatter.Read(LoraCard);

        Assert.Null(card.Warning);
        var metadata = Assert.IsType<List<KeyValuePair<string, object?>>>(card.Metadata);
        Assert.Equal(new[] { "license", "library_name", "tags", "base_model", "instance_prompt", "widget" }, metadata.Select(pair => pair.Key));
        Assert.Equal("openrail++", PlainValues.Text(metadata, "license"));
        Assert.Equal(new[] { "text-to-image", "diffusers-training", "diffusers", "lora", "template:sd-lora", "stable-diffusion-xl", "stable-diffusion-xl-diffusers" }, PlainValues.Texts(metadata, "tags"));
        Assert.Equal("a photo of TOK dog", PlainValues.Text(metadata, "instance_prompt"));
        var widget = Assert.Single(PlainValues.Mappings(metadata, "widget"));
        Assert.Equal("a photo of TOK dog in a bucket", PlainValues.Text(widget, "text"));
        Assert.Equal("image_0.png", PlainValues.Text(PlainValues.Member(widget, "output"), "url"));
        Assert.StartsWith("# SDXL LoRA DreamBooth - dog\n\nYou should use", card.Body);
    }

    [Fact]
    public void CRLF_line_endings_read_the_same_and_the_body_has_LF()
    {
        var lf = FrontMatter.Read(LoraCard);
        var crlf = FrontMatter.Read(LoraCard.Replace("\n", "\r\n"));

        Assert.Null(crlf.Warning);
        Assert.Equal(lf.Metadata!.Select(pair => pair.Key), crlf.Metadata!.Select(pair => pair.Key));
        Assert.Equal(PlainValues.Texts(lf.Metadata, "tags"), PlainValues.Texts(crlf.Metadata, "tags"));
        Assert.Equal(lf.Body, crlf.Body);
        Assert.DoesNotContain("\r", crlf.Body);
    }

    [Fact]
    public void A_byte_order_mark_does_not_hide_the_front_matter()
    {
        var card = FrontMatter.Read("\uFEFF---\nlicense: mit\n---\nBody");

        Assert.Equal("mit", PlainValues.Text(card.Metadata, "license"));
        Assert.Equal("Body", card.Body);
    }

    [Fact]
    public void A_base_model_may_be_a_string_or_a_list()
    {
        var single = FrontMatter.Read("---\nbase_model: black-forest-labs/FLUX.1-dev\n---\n");
        var several = FrontMatter.Read("---\nbase_model:\n- stabilityai/stable-diffusion-xl-base-1.0\n- 'stabilityai/sdxl-vae'\n---\n");

        Assert.Equal(new[] { "black-forest-labs/FLUX.1-dev" }, PlainValues.Texts(single.Metadata, "base_model"));
        Assert.Equal(new[] { "stabilityai/stable-diffusion-xl-base-1.0", "stabilityai/sdxl-vae" }, PlainValues.Texts(several.Metadata, "base_model"));
        Assert.IsType<List<object?>>(PlainValues.Member(several.Metadata, "base_model"));
    }

    [Fact]
    public void Unknown_keys_are_kept_with_their_YAML_types()
    {
        var card = FrontMatter.Read("""
            ---
            pinned: true
            gated: false
            steps: 1500
            learning_rate: 0.0001
            seed: 18446744073709551615
            quoted_flag: "true"
            quoted_number: '42'
            nothing:
            instance_prompt: <s0><s1>
            extra_gated_fields:
              Name: text
              I agree to the terms above: checkbox
            ---
            """);

        var metadata = card.Metadata!;
        Assert.Equal(true, PlainValues.Member(metadata, "pinned"));
        Assert.Equal(false, PlainValues.Member(metadata, "gated"));
        Assert.Equal(1500L, PlainValues.Member(metadata, "steps"));
        Assert.Equal(0.0001, PlainValues.Member(metadata, "learning_rate"));
        Assert.Equal(18446744073709551615UL, PlainValues.Member(metadata, "seed"));
        Assert.Equal("true", PlainValues.Member(metadata, "quoted_flag"));
        Assert.Equal("42", PlainValues.Member(metadata, "quoted_number"));
        Assert.Contains(metadata, pair => pair.Key == "nothing" && pair.Value is null);
        Assert.Equal(new[] { "<s0><s1>" }, PlainValues.Texts(metadata, "instance_prompt"));
        var fields = Assert.IsType<List<KeyValuePair<string, object?>>>(PlainValues.Member(metadata, "extra_gated_fields"));
        Assert.Equal(new[] { "Name", "I agree to the terms above" }, fields.Select(pair => pair.Key));
    }

    [Fact]
    public void Without_front_matter_the_whole_text_is_the_body()
    {
        var card = FrontMatter.Read("# A card\r\n\r\nNo metadata here.\r\n---\r\n");

        Assert.Null(card.Metadata);
        Assert.Null(card.Warning);
        Assert.Equal("# A card\n\nNo metadata here.\n---\n", card.Body);
    }

    [Fact]
    public void Empty_front_matter_is_no_keys_and_no_warning()
    {
        var card = FrontMatter.Read("---\n---\nBody");

        Assert.Empty(card.Metadata!);
        Assert.Null(card.Warning);
        Assert.Equal("Body", card.Body);
    }

    [Theory]
    [InlineData("---\ntags: [a, b\nlicense: mit\n---\n# Title\n", "not valid YAML")]
    [InlineData("---\nlicense: mit\n  bad: indent\n---\n# Title\n", "not valid YAML")]
    [InlineData("---\nlicense: mit\nlicense: apache-2.0\n---\n# Title\n", "not valid YAML")]
    [InlineData("---\n- just\n- a list\n---\n# Title\n", "not a YAML mapping")]
    [InlineData("---\nlicense: mit\n# Title\n", "no closing")]
    public void Broken_front_matter_is_a_warning_and_the_whole_text_is_the_body(string readme, string warning)
    {
        var card = FrontMatter.Read(readme);

        Assert.Null(card.Metadata);
        Assert.Contains(warning, card.Warning);
        Assert.Equal(readme, card.Body);
    }
}
