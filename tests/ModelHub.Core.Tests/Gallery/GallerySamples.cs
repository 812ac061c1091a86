using System;

namespace ModelHub.Tests.Gallery;

/// <summary>Models and images for the gallery tests, hostile ones included.</summary>
internal static class GallerySamples
{
    public const string HostileName = "<script>alert(1)</script>";

    public static Model Civitai(string id = "4201", string name = "Pixel Art XL") => new()
    {
        Hub = Hub.Civitai,
        Id = id,
        Name = name,
        Type = ModelType.LoRA,
        BaseModel = "SDXL",
        Author = "nerijs",
        Downloads = 123456,
        Likes = 789,
        License = "CreativeML Open RAIL++-M",
        Tags = new[] { "pixel art", "style" },
        Url = new Uri("https://civitai.com/models/" + id),
        LatestVersion = new ModelVersion { Hub = Hub.Civitai, ModelId = id, VersionId = "130072", TrainedWords = new[] { "pixel art", "<lora:pixel:0.8>" } },
    };

    public static Model HuggingFace(string id = "org/name") => new()
    {
        Hub = Hub.HuggingFace,
        Id = id,
        Name = id,
        Type = ModelType.Checkpoint,
        Downloads = 42,
        Likes = 7,
        Tags = new[] { "lora", "license:mit", "base_model:adapter:org/base" },
        Url = new Uri("https://huggingface.co/" + id),
    };

    public static ModelImage Image(string modelId, string url = "https://image.civitai.com/abc/1.jpeg") => new()
    {
        Hub = Hub.Civitai,
        ModelId = modelId,
        Url = new Uri(url),
        Width = 832,
        Height = 1216,
        Prompt = "pixel art, a castle on a hill",
        NegativePrompt = "blurry, lowres",
        Seed = ulong.MaxValue,
        Steps = 30,
        Sampler = "DPM++ 2M Karras",
        CfgScale = 7.5,
        Model = "sd_xl_base_1.0",
        Resources = new[] { new ImageResource { Name = "pixel-art-xl", Type = "lora", Weight = 0.8 } },
    };
}
