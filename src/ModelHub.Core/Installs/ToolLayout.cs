using System;

namespace ModelHub.Installs;

/// <summary>
/// Each tool's folder for each model type, from the data in Installs/Data/layouts.json (docs/PLACEMENT.md),
/// and ComfyUI's extra_model_paths.yaml, where the section marked is_default decides where to write.
/// </summary>
public static class ToolLayout
{
    /// <summary>
    /// The folder for a model of <paramref name="type"/> under <paramref name="toolRoot"/>; <paramref name="diffusers"/> for a
    /// diffusers pipeline folder. Throws <see cref="Errors.ModelHubException"/> (UnsupportedPlacement) when the tool has no
    /// folder for it, or (InvalidConfiguration) when extra_model_paths.yaml cannot be read.
    /// </summary>
    public static Placement Place(Tool tool, string toolRoot, ModelType type, bool diffusers) => throw new NotImplementedException();
}
