using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelHub.Errors;
using ModelHub.Library;
using ModelHub.Resources;
using ModelHub.Settings;

namespace ModelHub.Manifests;

/// <summary>What Export-HubModelManifest writes: the manifest, and a warning for each installed model it had to leave out.</summary>
public sealed class ManifestExportResult
{
    public Manifest Manifest { get; init; } = new();

    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
}

/// <summary>Turns installed models into a manifest: one entry per identified file, its path relative to the tool root.</summary>
public static class ManifestExport
{
    /// <summary>The tool root Export-HubModelManifest scans without input: the one given, else the stored default. Throws ToolRootNotSet when there is none.</summary>
    public static ScanRoot RootToScan(Tool? tool, string? toolRoot, ModelHubSettings settings) =>
        LibraryScanner.RootsFor(tool, toolRoot, Array.Empty<string>(), settings).FirstOrDefault()
        ?? throw new ModelHubConfigurationException(ErrorIds.ToolRootNotSet, HubErrorCategory.InvalidArgument, Messages.ExportToolRootNotSet, Messages.SyncToolRootNotSetAction);

    /// <summary>
    /// The manifest of <paramref name="installed"/>. A file under <paramref name="toolRoot"/> keeps its path relative to it;
    /// one elsewhere (or every file, without a root) is placed by its type when synced. A file no hub identifies, one
    /// without a hash, and a diffusers folder are left out with a warning; the same file given twice is listed once.
    /// </summary>
    public static ManifestExportResult Build(IEnumerable<InstalledModel> installed, Tool? tool, string? toolRoot, DateTimeOffset createdAt)
    {
        var root = toolRoot is null ? null : Path.GetFullPath(toolRoot);
        var warnings = new List<string>();
        var entries = new Dictionary<string, ManifestEntry>(ToolRootPaths.Comparer);
        foreach (var model in installed)
        {
            if (model.IsFolder)
            {
                warnings.Add(Text.Format(Messages.ManifestFolderLeftOut, model.Path));
                continue;
            }

            if (model.Hub is not { } hub || string.IsNullOrEmpty(model.Id) || string.IsNullOrEmpty(model.VersionId) || string.IsNullOrEmpty(model.Sha256))
            {
                warnings.Add(Text.Format(Messages.ManifestUnidentifiedLeftOut, model.Path));
                continue;
            }

            var path = Path.GetFullPath(model.Path);
            var fileName = Path.GetFileName(path);
            var relative = root is null ? null : ToolRootPaths.Relative(root, path);
            entries[path] = new ManifestEntry
            {
                Hub = hub,
                ModelId = model.Id!,
                VersionId = model.VersionId!,
                Name = model.Name.Length > 0 ? model.Name : null,
                HubFileName = string.IsNullOrEmpty(model.HubFileName) ? fileName : model.HubFileName!,
                FileName = fileName,
                Sha256 = model.Sha256!.ToLowerInvariant(),
                Size = model.Size,
                Tool = relative is null ? model.Tool : tool ?? model.Tool,
                Type = model.Type,
                BaseModel = model.BaseModel == BaseModels.Unknown ? null : model.BaseModel,
                Path = relative,
                Pinned = model.Pinned,
            };
        }

        return new ManifestExportResult
        {
            Manifest = new Manifest
            {
                CreatedAt = createdAt,
                Tool = tool,
                Files = entries.Values.OrderBy(entry => entry.Path ?? entry.FileName, StringComparer.Ordinal).ThenBy(entry => entry.FileName, StringComparer.Ordinal).ToList(),
            },
            Warnings = warnings,
        };
    }
}
