namespace ModelHub.Installs;

/// <summary>Where a file goes and the rule that put it there (shown by -WhatIf and kept in the record).</summary>
/// <param name="Folder">The absolute folder the file (or diffusers folder) is written into.</param>
/// <param name="Rule">The rule in words, e.g. "ComfyUI LoRA → models/loras" or "extra_model_paths.yaml 'comfyui' (is_default) loras".</param>
public sealed record Placement(string Folder, string Rule);
