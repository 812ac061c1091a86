using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.Resources;

namespace ModelHub.Library.Updates;

/// <summary>
/// Uninstall-HubModel: removes a model file (or diffusers folder) with the sidecars ModelHub wrote for it: its record,
/// and the sidecars the record lists that are still as ModelHub wrote them. Every other file stays.
/// </summary>
public static class Uninstaller
{
    /// <summary>What a diffusers folder holds at its root.</summary>
    private const string PipelineIndex = "model_index.json";

    /// <summary>Sidecars other tools write beside a model: never removed unless our record lists them unchanged.</summary>
    private static readonly string[] OtherSidecars = { SidecarWriter.CivitaiInfoExtension, SidecarWriter.UserMetadataExtension, ".cm-info.json" };

    /// <summary>
    /// What uninstalling the model at <paramref name="installedPath"/> removes and keeps. Writes nothing. A path with
    /// neither a model nor a record, or a folder that is neither a diffusers model nor recorded, is
    /// <see cref="ErrorIds.InstalledModelNotFound"/>.
    /// </summary>
    public static UninstallResult Plan(string installedPath)
    {
        var path = Path.GetFullPath(installedPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var recordPath = SidecarWriter.RecordPath(path);
        var record = SidecarWriter.ReadRecord(recordPath);
        var isFolder = Directory.Exists(path);
        if ((isFolder && record is null && !File.Exists(Path.Combine(path, PipelineIndex))) || (!isFolder && !File.Exists(path) && record is null))
        {
            throw new ModelHubException(ErrorIds.InstalledModelNotFound, HubErrorCategory.ObjectNotFound,
                Text.Format(isFolder ? Messages.UninstallFolderNotAModel : Messages.InstalledModelNotFound, path), Messages.InstalledModelNotFoundAction) { Target = path };
        }

        var folder = Path.GetDirectoryName(path)!;
        var recorded = record?.Sidecars ?? Array.Empty<InstallRecordSidecar>();
        var ours = recorded.Where(sidecar => SidecarFiles.IsUnchanged(folder, sidecar)).Select(sidecar => SidecarFiles.PathOf(folder, sidecar)).ToList();
        var nameBase = SidecarWriter.NameBase(path);
        var kept = recorded.Select(sidecar => SidecarFiles.PathOf(folder, sidecar))
            .Concat(OtherSidecars.Select(extension => nameBase + extension))
            .Concat(SidecarWriter.PreviewExtensions.SelectMany(extension => new[] { nameBase + extension, nameBase + SidecarWriter.PreviewSuffix + extension }))
            .Where(File.Exists)
            .Except(ours)
            .Distinct()
            .ToList();
        var removed = new List<string>();
        if (isFolder || File.Exists(path))
        {
            removed.Add(path);
        }

        removed.AddRange(ours);
        if (record is not null)
        {
            removed.Add(recordPath);
        }

        return new UninstallResult { Path = path, IsFolder = isFolder, Removed = removed, Kept = kept };
    }

    /// <summary>Removes what <paramref name="plan"/> lists, the record last (a rerun finishes an interrupted uninstall). A refusal is <see cref="ErrorIds.UninstallFailed"/>.</summary>
    public static void Remove(UninstallResult plan)
    {
        foreach (var path in plan.Removed)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                else
                {
                    File.Delete(path);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new ModelHubException(ErrorIds.UninstallFailed, HubErrorCategory.ResourceUnavailable,
                    Text.Format(Messages.UninstallFailed, path, exception.Message), Messages.UninstallFailedAction, exception) { Target = path };
            }
        }
    }
}
