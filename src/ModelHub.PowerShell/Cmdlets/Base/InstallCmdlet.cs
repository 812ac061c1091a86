using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.PowerShell.Completion;

namespace ModelHub.PowerShell.Cmdlets.Base;

/// <summary>
/// What Install-HubModel and Save-HubModel share: which files, how to download them, and the run itself —
/// each model planned as it arrives (every -WhatIf/-Confirm decision on the pipeline thread), then the approved
/// plans installed -ThrottleLimit at a time with an overall progress bar and one child bar per file.
/// </summary>
public abstract class InstallCmdlet : ModelCmdlet
{
    private readonly List<(ModelReference Reference, InstallPlan Plan)> _approved = new();

    /// <summary>A Civitai version id, or a Hugging Face commit, branch or tag; the latest when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? VersionId { get; set; }

    /// <summary>Only files of this format: SafeTensor, PickleTensor, GGUF, Diffusers, …</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(FileFormatCompleter))]
    public string? Format { get; set; }

    /// <summary>Only files of this precision: fp16, fp32, bf16, fp8, …</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PrecisionCompleter))]
    public string? Precision { get; set; }

    /// <summary>Only Pruned or Full files (Civitai).</summary>
    [Parameter]
    [ValidateSet("Pruned", "Full")]
    public string? Variant { get; set; }

    /// <summary>Files whose name (or path in the repository) matches one of these wildcards. A piped file binds it by its path.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? FileName { get; set; }

    /// <summary>Repository paths to include, as globs (Hugging Face: "unet/**", "*.json").</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Include { get; set; }

    /// <summary>Repository paths to leave out, as globs.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Exclude { get; set; }

    /// <summary>Allow pickle formats (.ckpt, .pt, .pth, .bin), which can run code when loaded.</summary>
    [Parameter]
    public SwitchParameter AllowPickle { get; set; }

    /// <summary>Download again even when the file is already in place with the right hash.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Connections per file (ranged parts); chosen by size when omitted.</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int MaxConnections { get; set; }

    /// <summary>A bandwidth cap per file, all its connections together, in bytes per second.</summary>
    [Parameter]
    [ValidateRange(1024L, long.MaxValue)]
    public long MaxBytesPerSecond { get; set; }

    /// <summary>A shared download cache folder (often a network share): files kept by SHA-256, downloaded once, then linked or copied. MODELHUB_CACHE when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CachePath { get; set; }

    /// <summary>How many models install at once.</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 1;

    /// <summary>Where this cmdlet installs, and whether it writes sidecars, on top of the shared options.</summary>
    private protected abstract InstallOptions Destination(InstallOptions shared);

    /// <summary>The ShouldProcess action for one planned file.</summary>
    private protected abstract string Action(InstallPlan plan, PlannedFile file);

    protected override void ProcessRecord()
    {
        var options = Options();
        foreach (var reference in References(Id))
        {
            InstallPlan? plan = null;
            RunFor(reference, async (writer, cancellation) =>
                plan = await Runtime.Installs.PlanAsync(reference, options, new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false));
            if (plan is null)
            {
                continue;
            }

            plan.Warnings.ToList().ForEach(WriteWarning);
            var approved = plan.Files.Where(file => ShouldProcess(file.DestinationPath, Action(plan, file))).ToList();
            if (approved.Count > 0)
            {
                _approved.Add((reference, WithFiles(plan, approved)));
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_approved.Count == 0)
        {
            return;
        }

        var options = Options();
        Run(async (writer, cancellation) =>
        {
            var progress = new InstallProgress(writer, _approved.Select(pair => pair.Plan).ToList());
            using var throttle = new SemaphoreSlim(ThrottleLimit);
            try
            {
                await Task.WhenAll(_approved.Select(async pair =>
                {
                    await throttle.WaitAsync(cancellation).ConfigureAwait(false);
                    try
                    {
                        await Runtime.Installs.InstallAsync(pair.Plan, options, new HubCallOptions { Trace = writer }, progress.Observer, cancellation).ConfigureAwait(false);
                    }
                    catch (ModelHubException exception)
                    {
                        writer.Error(exception, pair.Reference.ToString());
                    }
                    finally
                    {
                        progress.Finished(pair.Plan);
                        throttle.Release();
                    }
                })).ConfigureAwait(false);
            }
            finally
            {
                progress.Complete();
            }
        });
    }

    private protected static string Describe(PlannedFile file) =>
        file.Size is { } size ? string.Format(CultureInfo.InvariantCulture, "'{0}' ({1})", file.File.Path, InstallProgress.Bytes(size)) : $"'{file.File.Path}'";

    private InstallOptions Options() => Destination(new InstallOptions
    {
        Criteria = new FileCriteria
        {
            Format = Format,
            Precision = Precision,
            Variant = Variant,
            FileName = FileName ?? Array.Empty<string>(),
            Include = Include ?? Array.Empty<string>(),
            Exclude = Exclude ?? Array.Empty<string>(),
            AllowPickle = AllowPickle,
        },
        VersionId = VersionId,
        Force = Force,
        MaxConnections = MaxConnections > 0 ? MaxConnections : null,
        MaxBytesPerSecond = MaxBytesPerSecond > 0 ? MaxBytesPerSecond : null,
        CachePath = CachePath is null ? null : GetUnresolvedProviderPathFromPSPath(CachePath),
    });

    private static InstallPlan WithFiles(InstallPlan plan, IReadOnlyList<PlannedFile> files) => new()
    {
        Model = plan.Model,
        Version = plan.Version,
        Placement = plan.Placement,
        Tool = plan.Tool,
        Folder = plan.Folder,
        Files = files,
        Warnings = plan.Warnings,
    };
}
