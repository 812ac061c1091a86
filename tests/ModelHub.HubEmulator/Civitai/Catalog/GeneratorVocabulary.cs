using System.Collections.Generic;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>Words the generated catalogue is made of: names, creators, tags, prompts.</summary>
internal static class GeneratorVocabulary
{
    public static readonly IReadOnlyList<string> StyleAdjectives =
    [
        "Vivid", "Dreamy", "Cinematic", "Retro", "Neon", "Soft", "Epic", "Moody", "Pastel", "Gritty", "Ethereal", "Minimal",
        "Painterly", "Glossy", "Vintage", "Cozy", "Dark", "Bright", "Surreal", "Crisp", "Faded", "Whimsical", "Bold", "Misty",
    ];

    public static readonly IReadOnlyList<string> StyleSubjects =
    [
        "Watercolor", "Ink Sketch", "Pixel Art", "Film Grain", "Paper Cutout", "Clay Figure", "Cyberpunk City", "Steampunk Gadget",
        "Fantasy Armor", "Glowing Rune", "Oil Painting", "Storybook", "Comic Panel", "Anime Screencap", "Low Poly", "Stained Glass",
        "Charcoal", "Ukiyo-e", "Vaporwave", "Isometric Room", "Botanical Print", "Neon Portrait", "Mecha Design", "Knitted Toy",
    ];

    public static readonly IReadOnlyList<string> LoraSuffixes = ["Style", "LoRA", "XL", "Concept", "Slider", "Helper", "Detailer"];

    public static readonly IReadOnlyList<string> CheckpointPrefixes =
    [
        "Dream", "Photon", "Realistic", "Anime", "Epic", "Juggernaut", "Crystal", "Aurora", "Nova", "Velvet", "Mystic", "Prism",
        "Lumen", "Zenith", "Horizon", "Ember", "Atlas", "Cobalt", "Solstice", "Vertex",
    ];

    public static readonly IReadOnlyList<string> CheckpointSuffixes = ["Mix", "XL", "Vision", "Diffusion", "Merge", "Blend", "Realism", "Forge"];

    public static readonly IReadOnlyList<string> ControlnetKinds = ["Canny", "Depth", "OpenPose", "Lineart", "Tile", "Scribble", "SoftEdge", "Normal"];

    public static readonly IReadOnlyList<string> UpscalerNames = ["UltraCrisp", "AnimeSharp", "NMKD-Siax", "RealSharp", "Foolhardy", "ClearReality"];

    public static readonly IReadOnlyList<string> CreatorFirstParts =
    [
        "Pixel", "Neon", "Dream", "Ai", "Synth", "Lumi", "Vector", "Astro", "Crimson", "Silent", "Hyper", "Quantum", "Velvet",
        "Mint", "Shadow", "Solar", "Frost", "Echo", "Rogue", "Cosmic",
    ];

    public static readonly IReadOnlyList<string> CreatorSecondParts =
    [
        "Forge", "Artisan", "Paws", "Dreamer", "Smith", "Wizard", "Studio", "Crafter", "Lab", "Works", "Painter", "Muse", "Fox",
        "Owl", "Raven", "Pilot",
    ];

    /// <summary>Tags as Civitai users write them.</summary>
    public static readonly IReadOnlyList<string> Tags =
    [
        "style", "character", "concept", "clothing", "anime", "photorealistic", "realistic", "landscape", "architecture", "fantasy",
        "sci-fi", "portraits", "woman", "man", "animal", "vehicle", "background", "tool", "poses", "meme", "objects", "buildings",
        "retro", "cyberpunk", "steampunk", "watercolor", "illustration", "pixel art", "3d", "cartoon", "horror", "cute", "food",
        "nature", "slider", "detail", "lighting", "photography", "armor", "monster", "storybook", "game character",
    ];

    public static readonly IReadOnlyList<string> PromptSubjects =
    [
        "a lone knight on a windswept cliff", "a cozy reading nook with a sleeping cat", "a neon-lit street market at night",
        "a dragon curled around a lighthouse", "a girl in a yellow raincoat holding an umbrella", "an astronaut tending a greenhouse",
        "a steampunk airship above the clouds", "a fox spirit in a bamboo forest", "a bowl of ramen on a wooden table",
        "an old wizard reading a glowing book", "a red vintage car on a desert road", "a castle made of crystal at dawn",
    ];

    public static readonly IReadOnlyList<string> PromptQualities =
    [
        "masterpiece", "best quality", "highly detailed", "soft lighting", "dramatic lighting", "depth of field", "8k", "sharp focus",
        "film grain", "volumetric fog", "rim light", "intricate details",
    ];

    public static readonly IReadOnlyList<string> NegativePrompts =
    [
        "(worst quality, low quality:1.4), blurry, watermark, signature",
        "lowres, bad anatomy, bad hands, text, error, missing fingers, extra digit, cropped",
        "easynegative, bad proportions, jpeg artifacts, ugly, deformed",
        "nsfw, lowres, worst quality, extra limbs, username",
    ];

    public static readonly IReadOnlyList<string> A1111Samplers = ["DPM++ 2M Karras", "Euler a", "DPM++ SDE Karras", "DDIM", "DPM++ 2M SDE Karras"];

    public static readonly IReadOnlyList<string> ComfySamplers = ["DPM++ 2M", "euler", "dpmpp_2m_sde", "Euler a", "uni_pc"];

    public static readonly IReadOnlyList<string> Upscalers = ["4x-UltraSharp", "Latent", "R-ESRGAN 4x+", "4x-AnimeSharp", "ESRGAN_4x"];

    public static readonly IReadOnlyList<(int Width, int Height)> ImageSizes =
        [(512, 512), (512, 768), (768, 512), (832, 1216), (1216, 832), (1024, 1024), (896, 1152), (768, 1024)];

    public static readonly IReadOnlyList<string> VersionNames = ["v1.0", "v1.5", "v2.0", "v2.1", "v3.0", "V4", "v5.0", "Final"];
}
