using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Downloads;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.Library;
using ModelHub.Library.Updates;
using ModelHub.Resources;
using ModelHub.Settings;

namespace ModelHub.Manifests;

/// <summary>How far a sync's check of the files already present has got.</summary>
public readonly struct SyncCheckProgress
{
    public SyncCheckProgress(int filesChecked, int filesTotal, string path)
    {
        FilesChecked = filesChecked;
        FilesTotal = filesTotal;
        Path = path;
    }

    public int FilesChecked { get; }

    public int FilesTotal { get; }

    /// <summary>The file being checked.</summary>
    public string Path { get; }
}

/// <summary>
/// Sync-HubModel: makes a tool root match a manifest. The plan reads only this machine (each present file hashed, the
/// install records beside them), so a machine that already matches sends no request at all; applying it installs what
/// is missing through <see cref="ModelInstaller"/> at the entry's exact path, replaces another version ModelHub
/// installed, and with Prune removes ModelHub-installed files the manifest does not list. A file that differs in any
/// other way is drift: reported, left alone unless Force.
/// </summary>
public sealed class ManifestSync
{
    private readonly ModelInstaller _installer;
    private readonly SettingsReader _settings;

    public ManifestSync(ModelInstaller installer, SettingsReader settings)
    {
        _installer = installer;
        _settings = settings;
    }

    /// <summary>
    /// The plan: a step per manifest entry (Installed when missing, Verified when its hash matches, Updated when ModelHub
    /// installed another version there, Drifted when it differs otherwise, Failed when the entry is refused), then a step
    /// per ModelHub-installed file in the tool's model folders that the manifest does not list (Pruned with Prune, else
    /// Drifted). Throws ToolRootNotSet when no tool root is given or stored.
    /// </summary>
    public async Task<SyncPlan> PlanAsync(SyncRequest request, IProgress<SyncCheckProgress>? progress, CancellationToken cancellationToken)
    {
        var (tool, root) = Destination(request);
        var warnings = new List<string>();
        var hashes = new KnownHashes(_settings.Read().StateFolder, warnings);
        var steps = new List<SyncStep>();
        var targets = new HashSet<string>(ToolRootPaths.Comparer);
        var files = request.Manifest.Files;
        for (var index = 0; index < files.Count; index++)
        {
            var entry = files[index];
            string target;
            try
            {
                target = Target(entry, tool, root, request.Source);
            }
            catch (ModelHubException exception)
            {
                steps.Add(new SyncStep { Action = SyncAction.Failed, Entry = entry, Path = entry.Path ?? entry.FileName, Detail = exception.Message, Error = exception });
                continue;
            }

            if (!targets.Add(target))
            {
                var twice = Problem(ErrorIds.ManifestInvalid, HubErrorCategory.InvalidArgument, Text.Format(Messages.ManifestTargetTwice, request.Source, target), Messages.ManifestInvalidAction, target);
                steps.Add(new SyncStep { Action = SyncAction.Failed, Entry = entry, Path = target, Detail = twice.Message, Error = twice });
                continue;
            }

            progress?.Report(new SyncCheckProgress(index, files.Count, target));
            steps.Add(await CheckAsync(entry, target, request.Force, hashes, cancellationToken).ConfigureAwait(false));
        }

        progress?.Report(new SyncCheckProgress(files.Count, files.Count, root));
        steps.AddRange(Unlisted(request, tool, root, targets));
        hashes.Save();
        return new SyncPlan { Tool = tool, ToolRoot = root, Steps = steps, Warnings = warnings };
    }

    /// <summary>
    /// Carries out <paramref name="steps"/> (a plan's, less those the user declined), installing up to the request's
    /// throttle at once and reporting each outcome to <paramref name="observer"/> as it comes; one step's failure never
    /// stops the others. Returns the totals, the items in the steps' order.
    /// </summary>
    public async Task<SyncSummary> ApplyAsync(SyncPlan plan, IReadOnlyList<SyncStep> steps, SyncRequest request, HubCallOptions call, ISyncObserver observer, CancellationToken cancellationToken)
    {
        var items = new SyncItem[steps.Count];
        var warnings = new List<string>();
        var hashes = new KnownHashes(_settings.Read().StateFolder, warnings);
        using var throttle = new SemaphoreSlim(Math.Max(1, request.ThrottleLimit));
        await Task.WhenAll(steps.Select(async (step, index) =>
        {
            var (item, error) = step.Action is SyncAction.Installed or SyncAction.Updated
                ? await InstallThrottledAsync(plan, step, request, call, observer, throttle, cancellationToken).ConfigureAwait(false)
                : Settle(step);
            if (error is null && item.Action is SyncAction.Installed or SyncAction.Updated)
            {
                hashes.Remember(new FileInfo(step.Path), step.Entry!.Sha256);
            }

            items[index] = item;
            observer.Done(item, error);
        })).ConfigureAwait(false);
        hashes.Save();
        warnings.ForEach(observer.Warning);
        return new SyncSummary { Manifest = request.Source, Items = items };
    }

    /// <summary>The terminating error of a sync in which something failed (HubModelSyncFailed), with its totals.</summary>
    public static ModelHubException Failure(SyncSummary summary) =>
        new(ErrorIds.HubModelSyncFailed, HubErrorCategory.InvalidResult,
            Text.Format(Messages.SyncFailed, summary.Manifest, summary.Failed, summary.Items.Count, summary.Installed, summary.Updated, summary.Verified, summary.Drifted, summary.Pruned),
            Messages.SyncFailedAction)
        {
            Target = summary.Manifest,
        };

    private async Task<(SyncItem, ModelHubException?)> InstallThrottledAsync(SyncPlan plan, SyncStep step, SyncRequest request, HubCallOptions call, ISyncObserver observer, SemaphoreSlim throttle, CancellationToken cancellationToken)
    {
        await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var detail = await InstallAsync(plan, step, request, call, observer, cancellationToken).ConfigureAwait(false);
            return (step.ToItem(step.Action, detail), null);
        }
        catch (ModelHubException exception)
        {
            return (step.ToItem(SyncAction.Failed, exception.Message), exception);
        }
        finally
        {
            throttle.Release();
        }
    }

    private (Tool Tool, string Root) Destination(SyncRequest request)
    {
        var settings = _settings.Read();
        var tool = request.Tool ?? settings.Tool ?? request.Manifest.Tool;
        // The stored folder belongs to the stored tool: another tool named alone needs its own folder.
        var root = request.ToolRoot ?? (tool == settings.Tool ? settings.ToolRoot : null);
        if (tool is null || root is null)
        {
            throw new ModelHubConfigurationException(ErrorIds.ToolRootNotSet, HubErrorCategory.InvalidArgument,
                Text.Format(Messages.SyncToolRootNotSet, request.Source), Messages.SyncToolRootNotSetAction);
        }

        return (tool.Value, Path.GetFullPath(root));
    }

    /// <summary>
    /// Where an entry's file goes: its path under the root when the manifest was written for this tool, else where an
    /// install of its type would put it (a manifest of ComfyUI models synced into A1111).
    /// </summary>
    private static string Target(ManifestEntry entry, Tool tool, string root, string source)
    {
        if (entry.Path is { } relative && (entry.Tool is null || entry.Tool == tool))
        {
            return ToolRootPaths.Resolve(root, relative, source);
        }

        if (entry.Type is not { } type)
        {
            throw Problem(ErrorIds.ManifestInvalid, HubErrorCategory.InvalidArgument,
                Text.Format(Messages.ManifestEntryUnplaced, source, entry.Hub, entry.ModelId, entry.FileName, tool), Messages.ManifestInvalidAction, entry.FileName);
        }

        // The file name is checked as a path of its own under the folder placement chose: a plain name, no link.
        var placement = ToolLayout.Place(tool, root, type, diffusers: false, entry.BaseModel ?? BaseModels.Unknown);
        return ToolRootPaths.Resolve(placement.Folder, entry.FileName, source);
    }

    /// <summary>What is at an entry's target now, and so what the sync does there.</summary>
    private static async Task<SyncStep> CheckAsync(ManifestEntry entry, string target, bool force, KnownHashes hashes, CancellationToken cancellationToken)
    {
        var record = File.Exists(SidecarWriter.RecordPath(target)) ? SidecarWriter.ReadRecord(SidecarWriter.RecordPath(target)) : null;
        if (Directory.Exists(target))
        {
            return new SyncStep { Action = SyncAction.Drifted, Entry = entry, Path = target, Record = record, Detail = Messages.DriftFolderInTheWay };
        }

        var file = new FileInfo(target);
        if (!file.Exists)
        {
            return new SyncStep { Action = SyncAction.Installed, Entry = entry, Path = target, Record = record };
        }

        var otherVersion = record is not null && record.Hub == entry.Hub && record.ModelId == entry.ModelId && record.VersionId != entry.VersionId;
        var sha256 = file.Length == entry.Size || (otherVersion && file.Length == record!.Size)
            ? await hashes.Sha256Async(file, cancellationToken).ConfigureAwait(false)
            : null;
        if (sha256 == entry.Sha256)
        {
            var pins = entry.Pinned && record is { Pinned: false } && record.Sha256 == sha256;
            return new SyncStep { Action = SyncAction.Verified, Entry = entry, Path = target, Record = record, PinsRecord = pins };
        }

        if (otherVersion && sha256 is not null && sha256 == record!.Sha256)
        {
            return new SyncStep { Action = SyncAction.Updated, Entry = entry, Path = target, Record = record, Detail = Text.Format(Messages.SyncReplacesVersion, record.VersionId, entry.VersionId) };
        }

        var drift = Text.Format(Messages.DriftModified, file.Length, sha256 ?? Messages.DriftNotHashed, entry.Size, entry.Sha256);
        return force
            ? new SyncStep { Action = SyncAction.Updated, Entry = entry, Path = target, Record = record, Detail = Text.Format(Messages.SyncReplacesModified, drift) }
            : new SyncStep { Action = SyncAction.Drifted, Entry = entry, Path = target, Record = record, Detail = drift };
    }

    /// <summary>ModelHub-installed files in the tool's model folders (inside the root) that no entry targets.</summary>
    private static IEnumerable<SyncStep> Unlisted(SyncRequest request, Tool tool, string root, HashSet<string> targets)
    {
        var folders = Enum.GetValues(typeof(ModelType)).Cast<ModelType>()
            .SelectMany(type => ToolLayout.FoldersRead(tool, root, type))
            .Where(folder => ToolRootPaths.Relative(root, folder) is not null && Directory.Exists(folder))
            .Distinct(ToolRootPaths.Comparer);
        var seen = new HashSet<string>(ToolRootPaths.Comparer);
        foreach (var recordPath in folders.SelectMany(RecordsUnder).Where(seen.Add).OrderBy(path => path, StringComparer.Ordinal))
        {
            if (SidecarWriter.ReadRecord(recordPath) is not { Files: null } record)
            {
                continue;
            }

            var installed = Path.Combine(Path.GetDirectoryName(recordPath)!, record.FileName);
            if (!File.Exists(installed) || targets.Contains(installed))
            {
                continue;
            }

            var listed = request.Manifest.Files.FirstOrDefault(entry => entry.Hub == record.Hub && entry.ModelId == record.ModelId);
            var detail = listed is null
                ? Text.Format(Messages.DriftNotListed, record.Hub, record.ModelId, record.VersionId)
                : Text.Format(Messages.DriftOtherVersionNotListed, record.Hub, record.ModelId, record.VersionId, listed.VersionId);
            yield return new SyncStep { Action = request.Prune ? SyncAction.Pruned : SyncAction.Drifted, Path = installed, Record = record, Detail = detail };
        }
    }

    /// <summary>Every install record under a folder, not following links and skipping staging folders.</summary>
    private static IEnumerable<string> RecordsUnder(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] records, children;
            try
            {
                records = Directory.GetFiles(current, "*" + SidecarWriter.RecordExtension);
                children = Directory.GetDirectories(current);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var record in records)
            {
                yield return Path.GetFullPath(record);
            }

            foreach (var child in children.Where(child => Path.GetFileName(child) != ".modelhub-staging" && (File.GetAttributes(child) & FileAttributes.ReparsePoint) == 0))
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>Installs an entry's file at its target through the install engine; the hub's file must still be the manifest's.</summary>
    private async Task<string?> InstallAsync(SyncPlan plan, SyncStep step, SyncRequest request, HubCallOptions call, ISyncObserver observer, CancellationToken cancellationToken)
    {
        var entry = step.Entry!;
        var options = new InstallOptions
        {
            Tool = plan.Tool,
            ToolRoot = plan.ToolRoot,
            VersionId = entry.VersionId,
            Criteria = new FileCriteria { FileName = new[] { Literal(entry.HubFileName) }, AllowPickle = request.AllowPickle },
            TargetPath = step.Path,
            CachePath = request.CachePath,
            Pinned = entry.Pinned,
        };
        var reference = new ModelReference(entry.Hub, entry.ModelId, entry.VersionId);
        var install = await _installer.PlanAsync(reference, options, call, cancellationToken).ConfigureAwait(false);
        var hubFile = install.Files[0].File;
        if ((hubFile.Sha256 is { } hubSha256 && !string.Equals(hubSha256, entry.Sha256, StringComparison.OrdinalIgnoreCase)) || (hubFile.Size is { } hubSize && hubSize != entry.Size))
        {
            throw Problem(ErrorIds.ManifestEntryChanged, HubErrorCategory.InvalidResult,
                Text.Format(Messages.ManifestEntryChanged, reference, entry.HubFileName, hubFile.Sha256 ?? Messages.DriftNotHashed, hubFile.Size, entry.Sha256, entry.Size),
                Messages.ManifestEntryChangedAction, reference.ToString());
        }

        var results = new List<InstallResult>();
        await _installer.InstallAsync(install, options, call, new Collecting(observer, results), cancellationToken).ConfigureAwait(false);
        var result = results.Single();
        if (!string.Equals(result.Sha256, entry.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Problem(ErrorIds.ManifestEntryChanged, HubErrorCategory.InvalidResult,
                Text.Format(Messages.ManifestEntryChanged, reference, entry.HubFileName, result.Sha256, result.Size, entry.Sha256, entry.Size),
                Messages.ManifestEntryChangedAction, reference.ToString());
        }

        var how = result.FromCache ? Messages.SyncFromCache : result.Skipped ? null : Text.Format(Messages.SyncDownloaded, result.Size);
        return step.Detail is null ? how : how is null ? step.Detail : step.Detail + "; " + how;
    }

    /// <summary>
    /// Steps that install nothing: a record pinned, a file pruned (with the sidecars ModelHub wrote and nobody changed,
    /// as Uninstall-HubModel removes them), or a finding reported as it is.
    /// </summary>
    private static (SyncItem, ModelHubException?) Settle(SyncStep step)
    {
        try
        {
            if (step.PinsRecord)
            {
                PinWriter.SetPinned(step.Path, pinned: true);
                return (step.ToItem(step.Action, Messages.SyncPinned), null);
            }

            if (step.Action == SyncAction.Pruned)
            {
                Uninstaller.Remove(Uninstaller.Plan(step.Path));
            }

            return (step.ToItem(step.Action, step.Detail), step.Error);
        }
        catch (ModelHubException exception)
        {
            return (step.ToItem(SyncAction.Failed, exception.Message), exception);
        }
    }

    /// <summary>A name as a wildcard that matches only itself.</summary>
    private static string Literal(string name) =>
        string.Concat(name.Select(character => character is '*' or '?' or '[' or ']' or '`' ? "`" + character : character.ToString()));

    private static ModelHubException Problem(string errorId, HubErrorCategory category, string message, string action, string target) =>
        new(errorId, category, message, action) { Target = target };

    /// <summary>
    /// Files' SHA-256 from the local library's hash cache (what Get-InstalledHubModel keeps, by path, size and last-write
    /// time), so a file unchanged since it was last hashed is not read again; new hashes are added to it.
    /// </summary>
    private sealed class KnownHashes
    {
        private readonly HashCache _cache;
        private readonly List<string> _warnings;
        private bool _changed;

        public KnownHashes(string stateFolder, List<string> warnings)
        {
            _warnings = warnings;
            _cache = HashCache.Load(Path.Combine(stateFolder, LibraryScanner.StateFolderName), Warn);
        }

        public async Task<string> Sha256Async(FileInfo file, CancellationToken cancellationToken)
        {
            if (_cache.Get(Found(file)) is { Sha256: { } known })
            {
                return known;
            }

            var sha256 = (await FrontierHasher.HashFileAsync(file.FullName, gitBlob: false, cancellationToken).ConfigureAwait(false)).Sha256;
            Remember(file, sha256);
            return sha256;
        }

        public void Remember(FileInfo file, string sha256)
        {
            file.Refresh();
            _cache.Put(Found(file), cached => cached.Sha256 = sha256);
            _changed = true;
        }

        public void Save()
        {
            if (_changed)
            {
                _cache.Save(Warn);
            }
        }

        private static FoundEntry Found(FileInfo file) => new() { Path = file.FullName, Size = file.Length, LastWriteUtc = file.LastWriteTimeUtc };

        private void Warn(string text)
        {
            lock (_warnings)
            {
                _warnings.Add(text);
            }
        }
    }

    /// <summary>Passes an install's reports on, keeping its results for the sync's own.</summary>
    private sealed class Collecting : IInstallObserver
    {
        private readonly ISyncObserver _observer;
        private readonly List<InstallResult> _results;

        public Collecting(ISyncObserver observer, List<InstallResult> results)
        {
            _observer = observer;
            _results = results;
        }

        public void Progress(PlannedFile file, DownloadProgress progress) => _observer.Progress(file, progress);

        public void Installed(InstallResult result) => _results.Add(result);

        public void Warning(string text) => _observer.Warning(text);
    }
}
