using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Downloads;
using ModelHub.Errors;
using ModelHub.Resources;
using ModelHub.Settings;

namespace ModelHub.Installs;

/// <summary>
/// Install-HubModel and Save-HubModel: decides what a model version's install does (files, folders, rules) before
/// anything is written, then downloads each file verified into place and writes its sidecars and record.
/// </summary>
public sealed class ModelInstaller
{
    private readonly ModelDiscovery _discovery;
    private readonly FileDownloader _downloader;
    private readonly SidecarWriter _sidecars;
    private readonly SettingsReader _settings;
    private readonly TokenResolver _tokens;
    private readonly TimeProvider _time;

    public ModelInstaller(ModelDiscovery discovery, FileDownloader downloader, SidecarWriter sidecars, SettingsReader settings, TokenResolver tokens, TimeProvider time)
    {
        _discovery = discovery;
        _downloader = downloader;
        _sidecars = sidecars;
        _settings = settings;
        _tokens = tokens;
        _time = time;
    }

    /// <summary>The plan for one model: its version, the chosen files, where each goes and why. Reads the hub, writes nothing.</summary>
    public async Task<InstallPlan> PlanAsync(ModelReference reference, InstallOptions options, HubCallOptions call, CancellationToken cancellationToken)
    {
        var settings = _settings.Read();
        var model = await _discovery.GetModelAsync(reference, call, cancellationToken).ConfigureAwait(false);
        if (settings.ContentPolicy == ContentPolicy.Strict && (model.Nsfw || model.Poi))
        {
            throw new ModelHubException(ErrorIds.ContentPolicyViolation, HubErrorCategory.PermissionDenied,
                Text.Format(Messages.InstallRefusedByPolicy, reference), Messages.InstallRefusedByPolicyAction) { Hub = reference.Hub, Target = reference.ToString() };
        }

        var files = new List<ModelFile>();
        await _discovery.GetFilesAsync(reference, options.VersionId, call, files.Add, cancellationToken).ConfigureAwait(false);
        var version = VersionOf(model, files, options.VersionId ?? reference.VersionId);
        var selection = FileSelection.Select(model, version, files, options.Criteria);

        var (placement, tool, toolRoot) = options.TargetPath is { } targetPath ? Exactly(targetPath, model, version, selection, options) : Place(model, version, selection, options, settings);
        var planned = selection.Files.Select(selected => new PlannedFile
        {
            File = selected.File,
            InstallName = options.TargetPath is null ? selected.InstallName : Path.GetFileName(options.TargetPath),
            DestinationPath = Path.GetFullPath(options.TargetPath ?? Path.Combine(placement.Folder, selected.InstallName)),
        }).ToList();

        return new InstallPlan
        {
            Model = model,
            Version = version,
            Placement = placement,
            Tool = tool,
            Folder = selection.IsDiffusersFolder ? Path.Combine(placement.Folder, FirstSegment(selection.Files[0].InstallName)) : null,
            Files = planned,
            Warnings = tool is null || toolRoot is null ? Array.Empty<string>() : Companions.Missing(model, version, selection, tool, toolRoot),
        };
    }

    /// <summary>
    /// Carries out a plan: each file downloaded, verified and moved into place (a new diffusers folder appears whole,
    /// once every file is in), then the sidecars and the record. Throws <see cref="ModelHubException"/> on the first
    /// file that fails; files already in place stay (they are verified) and a rerun resumes the rest.
    /// </summary>
    public async Task InstallAsync(InstallPlan plan, InstallOptions options, HubCallOptions call, IInstallObserver observer, CancellationToken cancellationToken)
    {
        // A new pipeline folder is assembled in the staging folder and moved in whole, so a tool never sees half of one.
        var assembling = plan.Folder is not null && !Directory.Exists(plan.Folder) ? AssemblyFolderFor(plan.Folder) : null;
        var installed = new List<(PlannedFile Planned, DownloadResult Download)>();
        foreach (var file in plan.Files)
        {
            var destination = assembling is null ? file.DestinationPath : Path.Combine(assembling, InFolder(file));
            var download = await DownloadAsync(plan, file, destination, options, call, observer, cancellationToken).ConfigureAwait(false);
            installed.Add((file, download));
        }

        if (assembling is not null)
        {
            Directory.Move(assembling, plan.Folder!);
            DeleteIfEmpty(Path.GetDirectoryName(assembling)!);
        }

        var installedAt = _time.GetUtcNow();
        var results = installed.Select(pair => Result(plan, pair.Planned, pair.Download)).ToList();
        if (options.WriteSidecars)
        {
            var item = new InstalledItem
            {
                Model = plan.Model,
                Version = plan.Version,
                Path = plan.Folder ?? results[0].Path,
                IsFolder = plan.Folder is not null,
                Files = installed.Select(pair => new InstalledFile
                {
                    File = pair.Planned.File,
                    Path = pair.Planned.DestinationPath,
                    Sha256 = pair.Download.Sha256,
                    Size = pair.Download.Size,
                    Verified = pair.Download.Verified,
                }).ToList(),
                Tool = plan.Tool,
                Rule = plan.Placement.Rule,
                InstalledAt = installedAt,
                Pinned = options.Pinned,
            };
            foreach (var warning in await _sidecars.WriteAsync(item, call, cancellationToken).ConfigureAwait(false))
            {
                observer.Warning(warning);
            }
        }

        results.ForEach(observer.Installed);
    }

    private async Task<DownloadResult> DownloadAsync(InstallPlan plan, PlannedFile file, string destination, InstallOptions options, HubCallOptions call, IInstallObserver observer, CancellationToken cancellationToken)
    {
        var hub = plan.Model.Hub;
        var target = $"{plan.Model.Hub}:{plan.Model.Id}@{plan.Version.VersionId} {file.File.Path}";
        var request = new DownloadRequest
        {
            Hub = hub,
            Url = file.File.DownloadUrl ?? throw new HubNotFoundException(ErrorIds.HubFileNotFound,
                Text.Format(Messages.NoDownloadAddress, hub, file.File.Path, plan.Model.Id), Messages.NoDownloadAddressAction) { Hub = hub, Target = target },
            Target = target,
            DestinationPath = destination,
            ExpectedSize = file.File.Size,
            ExpectedSha256 = file.File.Sha256,
            ExpectedGitBlobSha1 = file.File.GitBlobId,
            MaxConnections = options.MaxConnections,
            MaxBytesPerSecond = options.MaxBytesPerSecond,
            Force = options.Force,
            CachePath = options.CachePath ?? _settings.Read().CachePath,
            Options = call,
        };

        try
        {
            var result = await _downloader.DownloadAsync(request, new ProgressCallback(progress => observer.Progress(file, progress)), cancellationToken).ConfigureAwait(false);
            if (!result.Verified)
            {
                observer.Warning(Text.Format(Messages.FileNotVerified, file.File.Path, hub));
            }

            return result;
        }
        catch (HubAuthenticationException refusal) when (refusal.ErrorId == ErrorIds.HubAuthenticationRequired)
        {
            // Civitai treats a key it does not know as no key at all: ask who the key belongs to, to tell the two apart.
            var token = _tokens.Resolve(hub, _settings.Read().StateFolder, call.Token);
            if (token.Value is { } value)
            {
                await _discovery.WhoAmIAsync(hub, value, call, cancellationToken).ConfigureAwait(false);
            }

            throw;
        }
    }

    private static InstallResult Result(InstallPlan plan, PlannedFile file, DownloadResult download) => new()
    {
        Hub = plan.Model.Hub,
        Id = plan.Model.Id,
        VersionId = plan.Version.VersionId,
        FileName = plan.Folder is null ? Path.GetFileName(file.DestinationPath) : InFolder(file),
        Path = file.DestinationPath,
        Size = download.Size,
        Sha256 = download.Sha256,
        Verified = download.Verified,
        Resumed = download.Resumed,
        Skipped = download.Skipped,
        FromCache = download.FromCache,
        Seconds = download.Elapsed.TotalSeconds,
        BytesPerSecond = download.Elapsed > TimeSpan.Zero ? download.BytesDownloaded / download.Elapsed.TotalSeconds : 0,
        Tool = plan.Tool,
        Rule = plan.Placement.Rule,
    };

    private static (Placement Placement, Tool? Tool, string? ToolRoot) Place(Model model, ModelVersion version, SelectionResult selection, InstallOptions options, ModelHubSettings settings)
    {
        if (options.Path is not null)
        {
            return (new Placement(Path.GetFullPath(options.Path), Messages.PlainFolderRule), null, null);
        }

        var tool = options.Tool ?? settings.Tool;
        // The stored folder belongs to the stored tool: another tool named alone needs its own folder.
        var toolRoot = options.ToolRoot ?? (tool == settings.Tool ? settings.ToolRoot : null);
        if (tool is null || toolRoot is null)
        {
            throw new ModelHubConfigurationException(ErrorIds.ToolRootNotSet, HubErrorCategory.InvalidArgument,
                Text.Format(Messages.ToolRootNotSet, model.Hub, model.Id), Messages.ToolRootNotSetAction);
        }

        return (ToolLayout.Place(tool.Value, Path.GetFullPath(toolRoot), model.Type, selection.IsDiffusersFolder, version.BaseModel), tool, toolRoot);
    }

    /// <summary>A single chosen file installed exactly at <paramref name="targetPath"/> (a manifest's target), recorded for the tool given.</summary>
    private static (Placement Placement, Tool? Tool, string? ToolRoot) Exactly(string targetPath, Model model, ModelVersion version, SelectionResult selection, InstallOptions options)
    {
        if (selection.IsDiffusersFolder || selection.Files.Count != 1)
        {
            var target = new ModelReference(model.Hub, model.Id, version.VersionId).ToString();
            throw new ModelHubException(ErrorIds.NoMatchingFile, HubErrorCategory.InvalidArgument,
                Text.Format(Messages.TargetPathNeedsOneFile, target, selection.Files.Count, targetPath), Messages.TargetPathNeedsOneFileAction)
            {
                Hub = model.Hub,
                Target = target,
            };
        }

        var full = Path.GetFullPath(targetPath);
        return (new Placement(Path.GetDirectoryName(full)!, Text.Format(Messages.TargetPathRule, full)), options.Tool, options.ToolRoot);
    }

    /// <summary>The version the files belong to: the model's own entry for it when the model lists it, else one built from the files.</summary>
    private static ModelVersion VersionOf(Model model, IReadOnlyList<ModelFile> files, string? requested)
    {
        if (files.Count == 0)
        {
            throw new HubNotFoundException(ErrorIds.NoMatchingFile, Text.Format(Messages.VersionHasNoFiles, model.Hub, model.Id, requested ?? model.LatestVersion?.VersionId), Messages.VersionHasNoFilesAction)
            {
                Hub = model.Hub,
                Target = model.Id,
            };
        }

        var versionId = files[0].VersionId;
        return model.Versions.FirstOrDefault(version => version.VersionId == versionId)
            ?? new ModelVersion
            {
                Hub = model.Hub,
                ModelId = model.Id,
                VersionId = versionId,
                Name = requested ?? versionId,
                BaseModel = model.BaseModel,
                BaseModelRaw = model.BaseModelRaw,
                TrainedWords = model.LatestVersion?.TrainedWords ?? Array.Empty<string>(),
                Files = files,
                Url = model.Url,
            };
    }

    private static string AssemblyFolderFor(string folder) =>
        Path.Combine(FileDownloader.StagingFolderFor(folder), Path.GetFileName(folder) + ".assembling");

    private static string FirstSegment(string installName) => installName.Split('/')[0];

    /// <summary>A diffusers file's path inside its folder: its install name without the folder's own segment.</summary>
    private static string InFolder(PlannedFile file) => file.InstallName.Substring(FirstSegment(file.InstallName).Length + 1);

    private static void DeleteIfEmpty(string folder)
    {
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    /// <summary>Reports progress on the calling thread (Progress&lt;T&gt; would post to a synchronisation context).</summary>
    private sealed class ProgressCallback : IProgress<DownloadProgress>
    {
        private readonly Action<DownloadProgress> _report;

        public ProgressCallback(Action<DownloadProgress> report) => _report = report;

        public void Report(DownloadProgress value) => _report(value);
    }
}
