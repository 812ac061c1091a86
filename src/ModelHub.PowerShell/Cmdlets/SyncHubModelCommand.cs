using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ModelHub.Discovery;
using ModelHub.Downloads;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.Manifests;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>
/// Makes a tool root match a manifest: installs what is missing, verifies what is present by hash, replaces another
/// version ModelHub installed, reports drift, and with -Prune removes ModelHub-installed files the manifest does not
/// list. Writes a SyncItem per file and a SyncSummary; ends with HubModelSyncFailed when anything failed.
/// </summary>
[Cmdlet(VerbsData.Sync, "HubModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SyncItem), typeof(SyncSummary))]
public sealed class SyncHubModelCommand : ModelHubCmdlet
{
    /// <summary>The manifest: a .json or .psd1 file written by Export-HubModelManifest.</summary>
    [Parameter(Mandatory = true, Position = 0, HelpMessage = "The manifest: a .json or .psd1 file written by Export-HubModelManifest.")]
    [Alias("Path")]
    [ValidateNotNullOrEmpty]
    public string Manifest { get; set; } = string.Empty;

    /// <summary>The tool to sync; the stored default, else the manifest's, when omitted.</summary>
    [Parameter]
    public Tool? Tool { get; set; }

    /// <summary>The tool's folder; the stored default when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ToolRoot { get; set; }

    /// <summary>Remove files ModelHub installed in the tool's model folders that the manifest does not list.</summary>
    [Parameter]
    public SwitchParameter Prune { get; set; }

    /// <summary>Replace files that differ from the manifest (modified, or not installed by ModelHub) instead of reporting them as drift.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>A shared download cache folder (often a network share); MODELHUB_CACHE when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CachePath { get; set; }

    /// <summary>Allow pickle formats (.ckpt, .pt, .pth, .bin) the manifest lists.</summary>
    [Parameter]
    public SwitchParameter AllowPickle { get; set; }

    /// <summary>How many files install at once.</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 2;

    protected override void EndProcessing()
    {
        var path = GetUnresolvedProviderPathFromPSPath(Manifest);
        SyncRequest request;
        try
        {
            request = new SyncRequest
            {
                Manifest = ManifestFiles.IsPsd1(path) ? ManifestReader.FromData(ReadDataFile(path), path) : ManifestFiles.ReadJson(path),
                Source = path,
                Tool = Tool,
                ToolRoot = ToolRoot is null ? null : GetUnresolvedProviderPathFromPSPath(ToolRoot),
                Prune = Prune,
                Force = Force,
                CachePath = CachePath is null ? null : GetUnresolvedProviderPathFromPSPath(CachePath),
                AllowPickle = AllowPickle,
                ThrottleLimit = ThrottleLimit,
            };
        }
        catch (ModelHubException exception)
        {
            ThrowHubError(exception, path);
            return;
        }

        SyncPlan? plan = null;
        ModelHubException? unusable = null;
        Run(async (writer, cancellation) =>
        {
            var progress = new SyncProgress(writer, request.Manifest.Files.Count);
            try
            {
                plan = await Runtime.Manifests.PlanAsync(request, progress, cancellation).ConfigureAwait(false);
            }
            catch (ModelHubException exception)
            {
                unusable = exception;
            }
            finally
            {
                progress.Complete();
            }
        });

        if (unusable is not null)
        {
            ThrowHubError(unusable, path);
        }

        plan!.Warnings.ToList().ForEach(WriteWarning);

        // Every -WhatIf and -Confirm decision on the pipeline thread, before anything changes.
        var approved = plan.Steps.Where(step => !step.ChangesFiles || ShouldProcess(step.Path, Describe(step))).ToList();
        SyncSummary? summary = null;
        Run(async (writer, cancellation) =>
        {
            var observer = new SyncProgress(writer, approved.Count);
            try
            {
                summary = await Runtime.Manifests.ApplyAsync(plan, approved, request, new HubCallOptions { Trace = writer }, observer, cancellation).ConfigureAwait(false);
            }
            finally
            {
                observer.Complete();
            }
        });

        WriteObject(summary);
        if (summary!.Failed > 0)
        {
            ThrowHubError(ManifestSync.Failure(summary), path);
        }
    }

    /// <summary>
    /// A .psd1 manifest as plain data: the file must hold one hashtable of constants (no commands, no variables but
    /// $true, $false and $null), as Import-PowerShellDataFile requires, so reading a manifest never runs code.
    /// </summary>
    private static object? ReadDataFile(string path)
    {
        var ast = Parser.ParseInput(ManifestFiles.ReadText(path), path, out _, out var errors);
        if (errors.Length > 0)
        {
            var first = errors[0];
            throw ManifestFiles.NotData(path, string.Format(CultureInfo.InvariantCulture, "line {0}: {1}", first.Extent.StartLineNumber, first.Message));
        }

        if (ast.ParamBlock is not null || ast.BeginBlock is not null || ast.ProcessBlock is not null || ast.EndBlock is not { Statements.Count: 1 } body
            || body.Statements[0] is not PipelineAst { PipelineElements.Count: 1 } pipeline
            || pipeline.PipelineElements[0] is not CommandExpressionAst { Expression: HashtableAst table })
        {
            throw ManifestFiles.NotData(path, "it must hold a single hashtable @{ ... } and nothing else");
        }

        try
        {
            return table.SafeGetValue();
        }
        catch (InvalidOperationException exception)
        {
            throw ManifestFiles.NotData(path, exception.Message);
        }
    }

    private static string Describe(SyncStep step)
    {
        var what = step.Entry is { } entry ? $"{entry.Hub}:{entry.ModelId}@{entry.VersionId} {entry.HubFileName} ({InstallProgress.Bytes(entry.Size)})" : $"{step.Hub}:{step.Id}@{step.VersionId}";
        return step.Action switch
        {
            SyncAction.Installed => $"Install {what}",
            SyncAction.Updated => $"Replace with {what}: {step.Detail}",
            SyncAction.Pruned => $"Remove {what} and its sidecars: {step.Detail}",
            _ => $"Record {what} as pinned",
        };
    }

    /// <summary>
    /// The sync's progress bars (one overall bar over the files, a child bar per download) and its outcomes: each item
    /// written as it is done, each failure as a non-terminating error.
    /// </summary>
    private sealed class SyncProgress : ISyncObserver, IProgress<SyncCheckProgress>
    {
        private const int OverallId = 0;
        private const string Activity = "Syncing models";
        private static readonly long Interval = Stopwatch.Frequency / 4;

        private readonly object _gate = new();
        private readonly PipelineWriter _writer;
        private readonly int _total;
        private readonly Dictionary<PlannedFile, (int Id, long LastWrite)> _files = new();
        private int _done;

        public SyncProgress(PipelineWriter writer, int total)
        {
            _writer = writer;
            _total = total;
        }

        public void Report(SyncCheckProgress value) =>
            _writer.Progress(new ProgressRecord(OverallId, Activity, $"Checking {value.FilesChecked} of {value.FilesTotal}: {value.Path}") { PercentComplete = Percent(value.FilesChecked, value.FilesTotal) });

        public void Done(SyncItem item, ModelHubException? error)
        {
            if (error is not null)
            {
                _writer.Error(error, item.Path);
            }

            _writer.Object(item);
            lock (_gate)
            {
                _done++;
                _writer.Progress(new ProgressRecord(OverallId, Activity, $"{_done} of {_total} files") { PercentComplete = Percent(_done, _total) });
            }
        }

        public void Progress(PlannedFile file, DownloadProgress progress)
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                var known = _files.TryGetValue(file, out var state);
                if (known && now - state.LastWrite < Interval)
                {
                    return;
                }

                var id = known ? state.Id : _files.Count + 1;
                _files[file] = (id, now);
                var status = $"{InstallProgress.Bytes(progress.BytesDone)} of {(progress.TotalBytes is { } total ? InstallProgress.Bytes(total) : "?")} at {InstallProgress.Bytes(progress.BytesPerSecond)}/s";
                _writer.Progress(new ProgressRecord(id, file.InstallName, status)
                {
                    ParentActivityId = OverallId,
                    PercentComplete = progress.TotalBytes is > 0 ? Percent(progress.BytesDone, progress.TotalBytes.Value) : -1,
                });
            }
        }

        public void Warning(string text) => _writer.Warning(text);

        /// <summary>Completes every bar opened.</summary>
        public void Complete()
        {
            lock (_gate)
            {
                foreach (var pair in _files)
                {
                    _writer.Progress(new ProgressRecord(pair.Value.Id, pair.Key.InstallName, "Done") { ParentActivityId = OverallId, RecordType = ProgressRecordType.Completed });
                }

                _writer.Progress(new ProgressRecord(OverallId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        private static int Percent(long done, long total) => total > 0 ? (int)Math.Min(100, done * 100 / total) : 100;
    }
}
