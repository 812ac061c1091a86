using System.Collections.Generic;

namespace ModelHub.HubEmulator.Civitai;

/// <summary>The enumerations the Civitai API validates against (civitai-api.md §4).</summary>
internal static class CivitaiEnums
{
    /// <summary>Every ModelType the server accepts in <c>types=</c>.</summary>
    public static readonly IReadOnlyList<string> ModelTypes =
    [
        "Checkpoint", "TextualInversion", "Hypernetwork", "AestheticGradient", "LORA", "LoCon", "DoRA", "Controlnet", "Upscaler",
        "MotionModule", "VAE", "TextEncoder", "UNet", "CLIPVision", "Poses", "Wildcards", "Workflows", "ComfyWorkflows", "Detection",
        "VisionLanguage", "CLIP", "LLM", "Other",
    ];

    /// <summary>The ModelTypes /api/v1/enums lists.</summary>
    public static readonly IReadOnlyList<string> PublicModelTypes =
    [
        "Checkpoint", "TextualInversion", "Hypernetwork", "AestheticGradient", "LORA", "LoCon", "DoRA", "Controlnet", "Upscaler",
        "MotionModule", "VAE", "Poses", "Wildcards", "Workflows", "Detection", "Other",
    ];

    public static readonly IReadOnlyList<string> FileTypes =
    [
        "Model", "Text Encoder", "Vision Encoder", "Pruned Model", "Negative", "Training Data", "VAE", "Config", "Archive", "UNet",
        "Diffusion Model", "CLIPVision", "ControlNet", "Workflow", "Upscaler", "Enhancement LoRA", "Other",
    ];

    /// <summary>The classic file types /api/v1/enums lists.</summary>
    public static readonly IReadOnlyList<string> PublicFileTypes =
        ["Model", "Text Encoder", "Pruned Model", "Negative", "Training Data", "VAE", "Config", "Archive"];

    public static readonly IReadOnlyList<string> FileFormats = ["SafeTensor", "PickleTensor", "GGUF", "Diffusers", "Core ML", "ONNX", "Other"];

    public static readonly IReadOnlyList<string> FileSizes = ["full", "pruned"];

    public static readonly IReadOnlyList<string> QuantTypes =
    [
        "None", "Q8_0", "Q6_K", "Q5_K_M", "Q5_K_S", "Q5_0", "Q4_K_M", "Q4_K_S", "Q4_0", "Q3_K_M", "Q3_K_S", "Q2_K",
        "IQ4_XS", "IQ3_M", "IQ2_M", "IQ1_M", "TQ2_0", "TQ1_0",
    ];

    public static readonly IReadOnlyList<string> BaseModelTypes = ["Standard", "Inpainting", "Refiner", "Pix2Pix"];

    public static readonly IReadOnlyList<string> ModelSorts =
        ["Highest Rated", "Most Downloaded", "Most Liked", "Most Discussed", "Most Collected", "Most Images", "Newest", "Oldest"];

    public static readonly IReadOnlyList<string> ImageSorts = ["Most Reactions", "Most Comments", "Most Collected", "Newest", "Oldest", "Random"];

    public static readonly IReadOnlyList<string> Periods = ["AllTime", "Year", "Month", "Week", "Day"];

    public static readonly IReadOnlyList<string> MediaTypes = ["image", "video", "audio"];

    /// <summary>The base models the server knows (S1 baseModelRecords), for validating <c>/images?baseModels=</c>.</summary>
    public static readonly IReadOnlyList<string> BaseModels =
    [
        "Anima", "AuraFlow", "Chroma", "CogVideoX", "Ernie", "Flux.1 S", "Flux.1 D", "Flux.1 Krea", "Flux.1 Kontext", "Flux.2 D",
        "Flux.2 Klein 9B", "Flux.2 Klein 9B-base", "Flux.2 Klein 4B", "Flux.2 Klein 4B-base", "HiDream", "Hunyuan 1", "Hunyuan Video",
        "Illustrious", "Imagen4", "Kolors", "LTXV", "LTXV2", "Lumina", "Mochi", "NoobAI", "ODOR", "OpenAI", "Upscaler", "Other",
        "PixArt a", "PixArt E", "Playground v2", "Pony", "Pony V7", "Qwen", "Stable Cascade", "SD 1.4", "SD 1.5", "SD 1.5 LCM",
        "SD 1.5 Hyper", "SD 2.0", "SD 2.0 768", "SD 2.1", "SD 2.1 768", "SD 2.1 Unclip", "SD 3", "SD 3.5", "SD 3.5 Large",
        "SD 3.5 Large Turbo", "SD 3.5 Medium", "SDXL 0.9", "SDXL 1.0", "SDXL 1.0 LCM", "SDXL Lightning", "SDXL Hyper", "SDXL Turbo",
        "SDXL Distilled", "SVD", "SVD XT", "Wan Video", "Wan Video 1.3B t2v", "Wan Video 14B t2v", "Wan Video 14B i2v 480p",
        "Wan Video 14B i2v 720p", "ZImageTurbo", "ZImageBase",
    ];
}
