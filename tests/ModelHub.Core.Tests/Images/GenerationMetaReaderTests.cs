using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelHub.Images;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Images;

/// <summary>Generation metadata, whatever wrote it: the recorded Civitai metas, and written ones for each spelling and quirk.</summary>
public sealed class GenerationMetaReaderTests
{
    [Fact]
    public void The_recorded_2024_images_page_meta_with_civitai_resources()
    {
        var read = ReadRecorded("civitai/images-page-limit1-2024.json", root => root.GetProperty("items")[0]);

        Assert.StartsWith("AtomicHeartTwinsCosplay in absolute darkness, profoundly no light, holding black-pink heart shaped orbstaff, \npointed hat,", read.Prompt);
        Assert.EndsWith("soft shadows, national geographic style", read.Prompt);
        Assert.StartsWith("easynegative, bad proportions, low resolution,", read.NegativePrompt);
        Assert.EndsWith("text, words, human,", read.NegativePrompt);
        Assert.Equal(1938345220UL, read.Seed);
        Assert.Equal(45, read.Steps);
        Assert.Equal("DPM++ 2M", read.Sampler);
        Assert.Equal(5d, read.CfgScale);
        Assert.Null(read.Model);
        Assert.Equal(
            new[]
            {
                "checkpoint 345685 ",
                "embed 9208 1",
                "lora 249861 0.65",
                "lora 258687 0.6",
                "lora 332071 0.8",
                "lora 413566 0.9",
                "lora 421757 0.6",
                "lora 426333 0.8",
            },
            read.Resources.Select(resource => $"{resource.Type} {resource.ModelVersionId} {resource.Weight}"));
        Assert.All(read.Resources, resource => Assert.Null(resource.Name));
        Assert.Equal("832x1216", Member(read.Meta, "Size"));
        Assert.Equal(2L, Member(read.Meta, "clipSkip"));
    }

    [Fact]
    public void The_recorded_2023_images_page_meta_in_A1111_spelling()
    {
        var read = ReadRecorded("civitai/wiki-images-page.json", root => root.GetProperty("items")[0]);

        Assert.Equal(
            "<lora:setsunaTokage_v10:0.6>, green hair, long hair, standing, (ribbed dress), zettai ryouiki, choker, (black eyes), looking at viewer, adjusting hair, hand in own hair, street, grin, sharp teeth, high ponytail, [Style of boku no hero academia]",
            read.Prompt);
        Assert.Equal("(worst quality, low quality, extra digits:1.3), easynegative,", read.NegativePrompt);
        Assert.Equal(234871805UL, read.Seed);
        Assert.Equal(35, read.Steps);
        Assert.Equal("DPM++ SDE Karras", read.Sampler);
        Assert.Equal(7d, read.CfgScale);
        Assert.Equal("Meina", read.Model);
        Assert.Empty(read.Resources);

        // Numbers written as text stay text in the raw meta.
        Assert.Equal("2", Member(read.Meta, "Clip skip"));
        Assert.Equal("0.4", Member(read.Meta, "Denoising strength"));
        Assert.Equal("4x-AnimeSharp", Member(read.Meta, "Hires upscaler"));
    }

    [Fact]
    public void The_recorded_version_image_meta_of_a_ComfyUI_image_keeps_its_seed_above_2_to_the_53()
    {
        var read = ReadRecorded("civitai/model-version-1387174.json", root => root.GetProperty("images")[0]);

        Assert.Equal(
            "ppstorybook,A dreamy bunny hopping across a rainbow bridge, with fluffy clouds surrounding it and tiny birds flying alongside, rendered in a magical, soft-focus style with pastel hues and glowing accents.",
            read.Prompt);
        Assert.Null(read.NegativePrompt);
        Assert.Equal(1116375220995209UL, read.Seed);
        Assert.Equal(23, read.Steps);
        Assert.Equal("DPM++ 2M", read.Sampler);
        Assert.Equal(3.5, read.CfgScale);
        Assert.Equal("flux_dev_fp8", read.Model);
        Assert.Empty(read.Resources);
        Assert.Equal("ComfyUI", Member(read.Meta, "Version"));
        Assert.Equal(1116375220995209L, Member(read.Meta, "seed"));
        Assert.Equal("", Member(Member(read.Meta, "hashes"), "model"));
    }

    [Fact]
    public void Numbers_written_as_text_in_A1111_spelling_are_typed()
    {
        var read = Read("""
            {"prompt":"a cat","Negative prompt":"blurry","Seed":"42","Steps":"30","Sampler":"Euler a","CFG scale":"7.5",
             "Model":"dreamshaper_8","Clip skip":"2","Denoising strength":"0.4","Size":"512x768"}
            """);

        Assert.Equal("a cat", read.Prompt);
        Assert.Equal("blurry", read.NegativePrompt);
        Assert.Equal(42UL, read.Seed);
        Assert.Equal(30, read.Steps);
        Assert.Equal("Euler a", read.Sampler);
        Assert.Equal(7.5, read.CfgScale);
        Assert.Equal("dreamshaper_8", read.Model);
        Assert.Equal("2", Member(read.Meta, "Clip skip"));
        Assert.Equal("0.4", Member(read.Meta, "Denoising strength"));
    }

    [Theory]
    [InlineData("""{"negative_prompt":"lowres","sampler_name":"dpmpp_2m","cfg":"4.5","ckpt_name":"sdxl.safetensors","steps":28.0}""")]
    [InlineData("""{"negativePrompt":"lowres","sampler":"dpmpp_2m","cfgScale":4.5,"model":"sdxl.safetensors","steps":"28"}""")]
    public void Every_spelling_of_a_key_reads_alike(string meta)
    {
        var read = Read(meta);

        Assert.Equal("lowres", read.NegativePrompt);
        Assert.Equal("dpmpp_2m", read.Sampler);
        Assert.Equal(4.5, read.CfgScale);
        Assert.Equal("sdxl.safetensors", read.Model);
        Assert.Equal(28, read.Steps);
    }

    [Theory]
    [InlineData("18446744073709551615", 18446744073709551615UL)]
    [InlineData("\"18446744073709551615\"", 18446744073709551615UL)]
    [InlineData("1116375220995209", 1116375220995209UL)]
    [InlineData("\"1116375220995209\"", 1116375220995209UL)]
    [InlineData("9007199254740993", 9007199254740993UL)]
    [InlineData("0", 0UL)]
    public void Seeds_are_kept_exactly_up_to_2_to_the_64_minus_1(string seed, ulong expected)
    {
        var read = Read("{\"seed\":" + seed + "}");

        Assert.Equal(expected, read.Seed);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("\"-1\"")]
    [InlineData("18446744073709551616")]
    [InlineData("1.5")]
    [InlineData("\"random\"")]
    [InlineData("true")]
    [InlineData("null")]
    public void A_negative_too_large_or_unparsable_seed_is_no_seed(string seed)
    {
        var read = Read("{\"seed\":" + seed + "}");

        Assert.Null(read.Seed);
    }

    [Fact]
    public void The_raw_meta_keeps_a_seed_above_2_to_the_63_whole()
    {
        var read = Read("""{"seed":18446744073709551615}""");

        Assert.Equal(18446744073709551615UL, Member(read.Meta, "seed"));
    }

    [Fact]
    public void Missing_keys_read_as_absent()
    {
        var read = Read("""{"Size":"512x512","prompt":"","Model hash":"abc"}""");

        Assert.Null(read.Prompt);
        Assert.Null(read.NegativePrompt);
        Assert.Null(read.Seed);
        Assert.Null(read.Steps);
        Assert.Null(read.Sampler);
        Assert.Null(read.CfgScale);
        Assert.Null(read.Model);
        Assert.Empty(read.Resources);
        Assert.Equal("512x512", Member(read.Meta, "Size"));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("[]")]
    public void Metadata_that_is_no_object_gives_nothing(string meta)
    {
        var read = Read(meta);

        Assert.Same(GenerationParameters.None, read);
        Assert.Null(read.Meta);
    }

    [Fact]
    public void Resources_of_every_kind_are_read_in_order()
    {
        var read = Read("""
            {"resources":[{"name":"myLora","type":"lora","hash":"ABC123","weight":"0.8"},{"name":"base","type":"model","hash":"DEF456"}],
             "civitaiResources":[{"type":"checkpoint","modelVersionId":345685},{"type":"lora","weight":0.65,"modelVersionId":"249861","modelVersionName":"v1.0"}],
             "additionalResources":[{"name":"urn:air:sdxl:lora:civitai:1@2","type":"lora","strength":0.7},{}]}
            """);

        Assert.Equal(
            new[]
            {
                "myLora|lora|ABC123|0.8|",
                "base|model|DEF456||",
                "|checkpoint|||345685",
                "v1.0|lora||0.65|249861",
                "urn:air:sdxl:lora:civitai:1@2|lora||0.7|",
            },
            read.Resources.Select(resource => $"{resource.Name}|{resource.Type}|{resource.Hash}|{resource.Weight}|{resource.ModelVersionId}"));
    }

    [Fact]
    public void A_ComfyUI_graph_in_comfy_gives_the_sampler_settings_prompts_checkpoint_and_loras()
    {
        var meta = new JsonObject { ["comfy"] = new JsonObject { ["prompt"] = Graph(), ["workflow"] = new JsonObject { ["nodes"] = new JsonArray() } }.ToJsonString() };

        var read = GenerationMetaReader.Read(Parse(meta.ToJsonString()));

        Assert.Equal("a lighthouse at dusk", read.Prompt);
        Assert.Equal("blurry, lowres", read.NegativePrompt);
        Assert.Equal(18446744073709551615UL, read.Seed);
        Assert.Equal(25, read.Steps);
        Assert.Equal("dpmpp_2m", read.Sampler);
        Assert.Equal(6d, read.CfgScale);
        Assert.Equal("juggernautXL_v9.safetensors", read.Model);
        Assert.Equal("lighthouse.safetensors 0.75", Assert.Single(read.Resources).Name + " " + read.Resources[0].Weight);
        Assert.Equal("lora", read.Resources[0].Type);
    }

    [Fact]
    public void Keys_at_the_top_win_over_the_ComfyUI_graph_and_the_graph_fills_the_rest()
    {
        var meta = new JsonObject
        {
            ["prompt"] = "written prompt",
            ["seed"] = 1116375220995209,
            ["resources"] = new JsonArray(new JsonObject { ["name"] = "listed", ["type"] = "lora" }),
            ["comfy"] = new JsonObject { ["prompt"] = Graph() }.ToJsonString(),
        };

        var read = GenerationMetaReader.Read(Parse(meta.ToJsonString()));

        Assert.Equal("written prompt", read.Prompt);
        Assert.Equal(1116375220995209UL, read.Seed);
        Assert.Equal("listed", Assert.Single(read.Resources).Name);
        Assert.Equal("blurry, lowres", read.NegativePrompt);
        Assert.Equal(25, read.Steps);
        Assert.Equal("juggernautXL_v9.safetensors", read.Model);
    }

    [Fact]
    public void A_ComfyUI_prompt_graph_as_prompt_is_no_prompt_text()
    {
        var asObject = Read(new JsonObject { ["prompt"] = Graph(), ["workflow"] = new JsonObject() }.ToJsonString());
        var asText = Read(new JsonObject { ["prompt"] = Graph().ToJsonString() }.ToJsonString());

        Assert.All(new[] { asObject, asText }, read =>
        {
            Assert.Equal("a lighthouse at dusk", read.Prompt);
            Assert.Equal(18446744073709551615UL, read.Seed);
        });
    }

    [Fact]
    public void A_prompt_that_only_looks_like_JSON_stays_the_prompt()
    {
        var read = Read("""{"prompt":"{red|blue} hair, 1girl"}""");

        Assert.Equal("{red|blue} hair, 1girl", read.Prompt);
    }

    [Fact]
    public void Graph_values_fed_by_links_are_not_guessed_and_broken_comfy_text_is_ignored()
    {
        var linked = Read("""
            {"comfy":"{\"prompt\":{\"3\":{\"class_type\":\"KSamplerAdvanced\",\"inputs\":{\"noise_seed\":[\"9\",0],\"steps\":20,\"positive\":[\"9\",0]}},\"9\":{\"class_type\":\"PrimitiveNode\",\"inputs\":{\"value\":5}}}}"}
            """);
        var broken = Read("""{"comfy":"{not json","steps":12}""");

        Assert.Null(linked.Seed);
        Assert.Null(linked.Prompt);
        Assert.Equal(20, linked.Steps);
        Assert.Equal(12, broken.Steps);
        Assert.Null(broken.Seed);
    }

    [Fact]
    public void A_ComfyUI_graph_without_a_sampler_still_names_its_diffusion_model()
    {
        var read = Read("""
            {"prompt":{"12":{"class_type":"UNETLoader","inputs":{"unet_name":"flux1-dev.safetensors","weight_dtype":"default"}},
                       "13":{"class_type":"SamplerCustomAdvanced","inputs":{"noise":["25",0]}}}}
            """);

        Assert.Equal("flux1-dev.safetensors", read.Model);
        Assert.Null(read.Prompt);
        Assert.Null(read.Seed);
        Assert.Null(read.Steps);
    }

    /// <summary>A ComfyUI API graph: a checkpoint, a LoRA, two prompts, and a sampler linking them; a 2^64-1 seed.</summary>
    private static JsonObject Graph() => JsonNode.Parse("""
        {
          "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "juggernautXL_v9.safetensors"}},
          "10": {"class_type": "LoraLoader", "inputs": {"lora_name": "lighthouse.safetensors", "strength_model": 0.75, "strength_clip": 1, "model": ["4", 0], "clip": ["4", 1]}},
          "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a lighthouse at dusk", "clip": ["10", 1]}},
          "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "blurry, lowres", "clip": ["10", 1]}},
          "3": {"class_type": "KSampler", "inputs": {"seed": 18446744073709551615, "steps": 25, "cfg": 6, "sampler_name": "dpmpp_2m", "scheduler": "karras",
                "denoise": 1, "model": ["10", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
          "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 1024, "height": 1024, "batch_size": 1}}
        }
        """)!.AsObject();

    private static GenerationParameters Read(string meta) => GenerationMetaReader.Read(Parse(meta));

    private static GenerationParameters ReadRecorded(string fixture, Func<JsonElement, JsonElement> image) =>
        GenerationMetaReader.Read(image(Parse(RecordedResponses.Read(fixture))).GetProperty("meta"));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>A member of plain-value metadata (an ordered list of pairs).</summary>
    private static object? Member(object? plain, string name) =>
        Assert.IsType<List<KeyValuePair<string, object?>>>(plain).Single(pair => pair.Key == name).Value;
}
