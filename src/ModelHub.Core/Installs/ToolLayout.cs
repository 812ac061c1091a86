using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelHub.Errors;
using ModelHub.Resources;

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
    public static Placement Place(Tool tool, string toolRoot, ModelType type, bool diffusers) =>
        Place(tool, toolRoot, type, diffusers, BaseModels.Unknown);

    /// <summary>
    /// As <see cref="Place(Tool, string, ModelType, bool)"/>, for a model of the base model family <paramref name="baseModel"/>
    /// (ModelVersion.BaseModel): some families have their own folder (ComfyUI reads a Flux.1 checkpoint from models/diffusion_models).
    /// </summary>
    public static Placement Place(Tool tool, string toolRoot, ModelType type, bool diffusers, string baseModel)
    {
        var layout = LayoutData.For(tool);
        var root = Path.GetFullPath(toolRoot);
        var (folder, what) = Choose(layout, type, diffusers, baseModel) ?? throw Unsupported(tool, type, diffusers, root);
        if (folder.Requires is { } required && !Directory.Exists(Absolute(root, required)))
        {
            throw new ModelHubException(ErrorIds.UnsupportedPlacement, HubErrorCategory.InvalidOperation,
                Text.Format(Messages.PlacementNeedsExtension, tool, type, folder.Write, Absolute(root, required)), Messages.PlacementNeedsExtensionAction)
            {
                Target = root,
            };
        }

        if (ExtraPaths(layout, root) is { } extra && extra.DefaultFor(folder.YamlKeys) is { } chosen)
        {
            return new Placement(chosen.Folder, Text.Format(Messages.PlacementRuleExtraPaths, layout.ExtraModelPaths, chosen.Section, chosen.Key, chosen.Folder));
        }

        return new Placement(Absolute(root, folder.Write), Text.Format(Messages.PlacementRule, tool, what, folder.Write));
    }

    /// <summary>
    /// Every folder <paramref name="tool"/> reads models of <paramref name="type"/> from, absolute, in the tool's order
    /// (ComfyUI: with extra_model_paths.yaml's paths); empty when the tool has no folder for the type. For checking
    /// what is installed (companion files, the local library), not for writing: <see cref="Place(Tool, string, ModelType, bool)"/> says where to write.
    /// </summary>
    public static IReadOnlyList<string> FoldersRead(Tool tool, string toolRoot, ModelType type) =>
        FoldersRead(tool, toolRoot, type, BaseModels.Unknown);

    /// <summary>As <see cref="FoldersRead(Tool, string, ModelType)"/>, for a model of the base model family <paramref name="baseModel"/>.</summary>
    public static IReadOnlyList<string> FoldersRead(Tool tool, string toolRoot, ModelType type, string baseModel)
    {
        var layout = LayoutData.For(tool);
        var root = Path.GetFullPath(toolRoot);
        if (Choose(layout, type, diffusers: false, baseModel) is not { } chosen)
        {
            return Array.Empty<string>();
        }

        var defaults = chosen.Folder.Read.Select(relative => Absolute(root, relative));
        return ExtraPaths(layout, root) is { } extra ? extra.FoldersRead(defaults, chosen.Folder.YamlKeys) : defaults.ToList();
    }

    /// <summary>The folder entry and the words for what it holds ("LoRA", "Flux.1 Checkpoint", "diffusers pipeline"); null when the tool has none.</summary>
    private static (ToolFolder Folder, string What)? Choose(ToolFolders layout, ModelType type, bool diffusers, string baseModel)
    {
        if (diffusers)
        {
            return layout.Diffusers is { } pipeline ? (pipeline, Messages.PlacementDiffusersPipeline) : null;
        }

        if (layout.Families.TryGetValue(baseModel, out var family) && family.TryGetValue(type, out var special))
        {
            return (special, baseModel + " " + type);
        }

        return layout.Types.TryGetValue(type, out var folder) ? (folder, type.ToString()) : null;
    }

    private static ExtraModelPaths? ExtraPaths(ToolFolders layout, string root) =>
        layout.ExtraModelPaths is { } fileName ? ExtraModelPaths.Read(root, fileName) : null;

    private static string Absolute(string root, string relative) => Path.GetFullPath(Path.Combine(root, relative));

    private static ModelHubException Unsupported(Tool tool, ModelType type, bool diffusers, string root) =>
        new(ErrorIds.UnsupportedPlacement, HubErrorCategory.InvalidOperation,
            diffusers ? Text.Format(Messages.PlacementNoDiffusers, tool) : Text.Format(Messages.PlacementNoFolder, tool, type),
            diffusers ? Messages.PlacementNoDiffusersAction : Messages.PlacementNoFolderAction)
        {
            Target = root,
        };
}
