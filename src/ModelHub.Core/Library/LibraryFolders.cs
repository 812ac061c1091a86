using System;
using System.Collections.Generic;
using System.Linq;
using ModelHub.Installs;

namespace ModelHub.Library;

/// <summary>A folder the scan walks: where it came from (a tool root's layout or a plain folder) and the type its tool reads from it.</summary>
internal sealed record ScanFolder(string Path, Tool? Tool, ModelType? Type);

/// <summary>The folders a root stands for: a tool's every model folder (layouts.json, extra_model_paths.yaml included), or the plain folder itself.</summary>
internal static class LibraryFolders
{
    public static IReadOnlyList<ScanFolder> For(ScanRoot root)
    {
        var path = System.IO.Path.GetFullPath(root.Path);
        if (root.Tool is not { } tool)
        {
            return new[] { new ScanFolder(path, null, null) };
        }

        var layout = LayoutData.For(tool);
        var folders = new List<ScanFolder>();

        // Types in the enum's order, so a folder several types share (loras: LoRA, LyCORIS, DoRA) takes the first.
        foreach (var type in layout.Types.Keys.OrderBy(type => type))
        {
            folders.AddRange(ToolLayout.FoldersRead(tool, path, type).Select(folder => new ScanFolder(folder, tool, type)));
        }

        foreach (var family in layout.Families)
        {
            foreach (var type in family.Value.Keys)
            {
                folders.AddRange(ToolLayout.FoldersRead(tool, path, type, family.Key).Select(folder => new ScanFolder(folder, tool, type)));
            }
        }

        if (layout.Diffusers is { } pipelines)
        {
            var defaults = pipelines.Read.Select(relative => System.IO.Path.GetFullPath(System.IO.Path.Combine(path, relative)));
            var read = layout.ExtraModelPaths is { } fileName && ExtraModelPaths.Read(path, fileName) is { } extra
                ? extra.FoldersRead(defaults, pipelines.YamlKeys)
                : defaults.ToList();
            folders.AddRange(read.Select(folder => new ScanFolder(folder, tool, ModelType.Checkpoint)));
        }

        return folders.GroupBy(folder => folder.Path, PathComparer).Select(group => group.First()).ToList();
    }

    /// <summary>Paths compare as the file system does: case-sensitively except on Windows and macOS.</summary>
    public static StringComparer PathComparer { get; } =
        System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux) ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    public static StringComparison PathComparison { get; } =
        PathComparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>What the paths inside <paramref name="folder"/> start with: the folder and a separator.</summary>
    public static string Prefix(string folder) =>
        folder.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
}
