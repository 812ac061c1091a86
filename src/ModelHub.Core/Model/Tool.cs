namespace ModelHub;

/// <summary>The image generation tools ModelHub installs models for, each with its own folder layout.</summary>
public enum Tool
{
    /// <summary>AUTOMATIC1111's Stable Diffusion web UI (models/Stable-diffusion, models/Lora, embeddings, …).</summary>
    A1111,

    /// <summary>Stable Diffusion WebUI Forge: A1111's folder layout.</summary>
    Forge,

    /// <summary>ComfyUI (models/checkpoints, models/loras, …; extra_model_paths.yaml).</summary>
    ComfyUI,
}
