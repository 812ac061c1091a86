using System.Collections.Generic;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>A base model generated repos build on, with what the Hub and diffusers call its family.</summary>
/// <param name="Id">The base repository id (card base_model, base_model:* tags).</param>
/// <param name="Suffix">Short family name used in generated repo names.</param>
/// <param name="PipelineClass">The diffusers pipeline class (config.diffusers._class_name, diffusers:* tag).</param>
/// <param name="FamilyTags">Tags diffusers training scripts write for the family.</param>
/// <param name="KohyaVersion">ss_base_model_version in LoRA metadata.</param>
internal sealed record BaseModel(string Id, string Suffix, string PipelineClass, IReadOnlyList<string> FamilyTags, string KohyaVersion)
{
    public static IReadOnlyList<BaseModel> All { get; } =
    [
        new("stabilityai/stable-diffusion-xl-base-1.0", "xl", "StableDiffusionXLPipeline", ["stable-diffusion-xl", "stable-diffusion-xl-diffusers"], "sdxl_base_v1-0"),
        new("stable-diffusion-v1-5/stable-diffusion-v1-5", "sd15", "StableDiffusionPipeline", ["stable-diffusion", "stable-diffusion-diffusers"], "sd_v1"),
        new("black-forest-labs/FLUX.1-dev", "flux", "FluxPipeline", ["flux", "flux-diffusers"], "flux1"),
        new("stabilityai/stable-diffusion-2-1", "sd21", "StableDiffusionPipeline", ["stable-diffusion", "stable-diffusion-diffusers"], "sd_v2"),
    ];
}
