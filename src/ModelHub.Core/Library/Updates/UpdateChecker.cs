using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Installs;
using ModelHub.Resources;

namespace ModelHub.Library.Updates;

/// <summary>
/// Get-HubModelUpdate: whether a newer version of an installed model exists. It compares versions, not files, over
/// every installed copy of the model at once, so a model whose newest version is installed anywhere, or a variant the
/// user chose not to take, is never reported (docs/UPDATES.md).
/// </summary>
public sealed class UpdateChecker
{
    private readonly ModelDiscovery _discovery;
    private readonly TimeProvider _time;

    public UpdateChecker(ModelDiscovery discovery, TimeProvider time)
    {
        _discovery = discovery;
        _time = time;
    }

    /// <summary>The installed copies of each model, across all roots: those a hub knows, grouped by hub and model id.</summary>
    public static IReadOnlyList<IReadOnlyList<InstalledModel>> Group(IEnumerable<InstalledModel> installed) =>
        installed
            .Where(copy => copy.Hub is not null && !string.IsNullOrEmpty(copy.Id) && !string.IsNullOrEmpty(copy.VersionId))
            .GroupBy(copy => (copy.Hub!.Value, Id: copy.Id!.ToLowerInvariant()))
            .Select(group => (IReadOnlyList<InstalledModel>)group.ToList())
            .ToList();

    /// <summary>The warning for an update to another base model (it may not work with the same workflows); null when the base model stays.</summary>
    public static string? BaseModelWarning(ModelUpdate update) =>
        update.BaseModelChanged
            ? Text.Format(Messages.UpdateBaseModelChanged, update.Hub, update.Id, update.Name, update.VersionName ?? update.VersionId, update.BaseModel, update.InstalledBaseModel)
            : null;

    /// <summary>
    /// The update for one model's installed copies (one group of <see cref="Group"/>), or null when there is none:
    /// Civitai, a version newer than the newest installed anywhere, neither excluded nor (unless asked) in early access;
    /// Hugging Face, a head commit of the default branch whose files differ from the installed ones (their LFS
    /// sha256). Pinned copies count as installed and are never updated. Throws <see cref="Errors.ModelHubException"/>
    /// when the hub cannot tell.
    /// </summary>
    public async Task<ModelUpdate?> CheckAsync(IReadOnlyList<InstalledModel> copies, UpdateQuery query, HubCallOptions options, CancellationToken cancellationToken)
    {
        if (copies.Count == 0 || copies.All(copy => copy.Pinned))
        {
            return null;
        }

        var first = copies[0];
        var model = await _discovery.GetModelAsync(new ModelReference(first.Hub!.Value, first.Id!), options, cancellationToken).ConfigureAwait(false);
        return model.Hub == Hub.Civitai
            ? CheckVersions(model, copies, query)
            : await CheckCommitAsync(model, copies, query, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Civitai: the newest version that may be reported, when it is newer than every installed one (the hub lists versions newest first).</summary>
    private ModelUpdate? CheckVersions(Model model, IReadOnlyList<InstalledModel> copies, UpdateQuery query)
    {
        var installed = new HashSet<string>(copies.Select(copy => copy.VersionId!));
        var newestInstalled = model.Versions.ToList().FindIndex(version => installed.Contains(version.VersionId));
        var now = _time.GetUtcNow();
        var newer = newestInstalled < 0 ? model.Versions : model.Versions.Take(newestInstalled);
        var update = newer.FirstOrDefault(version => !query.Exclude.Contains(version.VersionId) && (query.IncludeEarlyAccess || !(version.EarlyAccessEndsAt > now)));
        if (update is null)
        {
            return null;
        }

        // A copy whose very file the new version still ships (the variant it took did not change) has nothing to update.
        var outdated = copies.Where(copy => !copy.Pinned && !update.Files.Any(file => MatchingFile.SameHash(file.Sha256, copy.Sha256))).ToList();
        if (outdated.Count == 0)
        {
            return null;
        }

        var files = outdated.Select(copy => MatchingFile.For(update.Files, MatchingFile.Installed(model, copy), installedPath: null));
        var installedBaseModel = newestInstalled >= 0 ? model.Versions[newestInstalled].BaseModel : outdated[0].BaseModel;
        return Update(model, update, copies, outdated, files, installedBaseModel);
    }

    /// <summary>Hugging Face: the default branch's head, when the files a copy installed differ there (a commit that changed only the README is no update).</summary>
    private async Task<ModelUpdate?> CheckCommitAsync(Model model, IReadOnlyList<InstalledModel> copies, UpdateQuery query, HubCallOptions options, CancellationToken cancellationToken)
    {
        if (model.LatestVersion is not { } head || query.Exclude.Contains(head.VersionId) || copies.Any(copy => copy.VersionId == head.VersionId))
        {
            return null;
        }

        var outdated = new List<InstalledModel>();
        var files = new List<ModelFile?>();
        foreach (var copy in copies.Where(copy => !copy.Pinned))
        {
            var changed = await ChangedFilesAsync(model, head, copy, options, cancellationToken).ConfigureAwait(false);
            if (changed.Count > 0)
            {
                outdated.Add(copy);
                files.AddRange(changed);
            }
        }

        return outdated.Count == 0 ? null : Update(model, head, copies, outdated, files, outdated[0].BaseModel);
    }

    /// <summary>The head's files that replace changed files of one installed copy; empty when its files are all still the same.</summary>
    private async Task<IReadOnlyList<ModelFile>> ChangedFilesAsync(Model model, ModelVersion head, InstalledModel copy, HubCallOptions options, CancellationToken cancellationToken)
    {
        if (copy.IsFolder)
        {
            // A folder's record lists each file it installed; without one, every LFS file of the installed commit counts.
            var installedFiles = SidecarWriter.ReadRecord(SidecarWriter.RecordPath(copy.Path))?.Files?.Select(file => (file.Path, file.Sha256)).ToList()
                ?? (await FilesAtAsync(model, copy.VersionId!, options, cancellationToken).ConfigureAwait(false)).Where(file => file.Sha256 is not null).Select(file => (file.Path, file.Sha256!)).ToList();
            return head.Files
                .Where(file => file.Sha256 is not null && installedFiles.Any(installed => installed.Path == file.Path && !MatchingFile.SameHash(installed.Item2, file.Sha256)))
                .ToList();
        }

        var sha256 = copy.Sha256;
        if (sha256 is null && copy.HubFileName is { } path)
        {
            sha256 = (await FilesAtAsync(model, copy.VersionId!, options, cancellationToken).ConfigureAwait(false)).FirstOrDefault(file => file.Path == path)?.Sha256;
        }

        if (sha256 is null || head.Files.Any(file => MatchingFile.SameHash(file.Sha256, sha256)))
        {
            return Array.Empty<ModelFile>();
        }

        // Changed, even when the head has no file to replace it with: the update then lists all of the head's files.
        return MatchingFile.For(head.Files, installed: null, copy.HubFileName) is { } replacement ? new[] { replacement } : head.Files;
    }

    private async Task<IReadOnlyList<ModelFile>> FilesAtAsync(Model model, string commit, HubCallOptions options, CancellationToken cancellationToken)
    {
        var files = new List<ModelFile>();
        await _discovery.GetFilesAsync(new ModelReference(model.Hub, model.Id), commit, options, files.Add, cancellationToken).ConfigureAwait(false);
        return files;
    }

    private static ModelUpdate Update(Model model, ModelVersion update, IReadOnlyList<InstalledModel> copies, IReadOnlyList<InstalledModel> outdated, IEnumerable<ModelFile?> files, string installedBaseModel)
    {
        var chosen = files.OfType<ModelFile>().Distinct().ToList();
        return new ModelUpdate
        {
            Hub = model.Hub,
            Id = model.Id,
            Name = model.Name,
            Installed = outdated,
            InstalledVersionIds = copies.Select(copy => copy.VersionId!).Distinct().ToList(),
            VersionId = update.VersionId,
            VersionName = string.IsNullOrEmpty(update.Name) ? null : update.Name,
            PublishedAt = update.PublishedAt,
            BaseModel = update.BaseModel,
            InstalledBaseModel = installedBaseModel != update.BaseModel ? installedBaseModel : null,
            EarlyAccessEndsAt = update.EarlyAccessEndsAt,
            Files = chosen.Count > 0 ? chosen : update.Files,
            Url = update.Url ?? model.Url,
        };
    }
}
