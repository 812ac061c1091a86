namespace ModelHub;

/// <summary>
/// One vocabulary of model types for both hubs (docs/MAPPINGS.md shows how each hub's values map).
/// A diffusers pipeline repository is a Checkpoint whose files have Format Diffusers.
/// </summary>
public enum ModelType
{
    Checkpoint,
    LoRA,
    LyCORIS,
    DoRA,
    TextualInversion,
    VAE,
    ControlNet,
    Upscaler,
    Hypernetwork,
    MotionModule,
    TextEncoder,
    Other,
}
