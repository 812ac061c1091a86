using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Library.Updates;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>
/// Installs updates (Get-HubModelUpdate's output, or the updates of piped installed models) through the install engine
/// into the folder of each copy they replace, the same kind of file, verified; the old file stays unless -RemoveOld.
/// </summary>
[Cmdlet(VerbsData.Update, "HubModel", DefaultParameterSetName = UpdateSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(InstallResult))]
public sealed class UpdateHubModelCommand : ModelHubCmdlet
{
    private const string UpdateSet = "Update";
    private const string InstalledSet = "InstalledModel";

    private readonly List<InstalledModel> _installed = new();
    private readonly List<UpdateStep> _approved = new();

    /// <summary>Updates from Get-HubModelUpdate.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = UpdateSet)]
    public ModelUpdate[]? Update { get; set; }

    /// <summary>Installed models (Get-InstalledHubModel's output): each is checked as Get-HubModelUpdate does, then updated.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InstalledSet)]
    public InstalledModel[]? InputObject { get; set; }

    /// <summary>Remove the old file and the sidecars ModelHub wrote for it once the new version is in place.</summary>
    [Parameter]
    public SwitchParameter RemoveOld { get; set; }

    /// <summary>Install the new version under the old file's name, replacing it (so workflows that name the file keep working).</summary>
    [Parameter]
    public SwitchParameter KeepFileName { get; set; }

    /// <summary>Allow a pickle file (.ckpt, .pt, .pth, .bin) when that is what the installed copy is.</summary>
    [Parameter]
    public SwitchParameter AllowPickle { get; set; }

    /// <summary>Connections per file (ranged parts); chosen by size when omitted.</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int MaxConnections { get; set; }

    /// <summary>A bandwidth cap per file, in bytes per second.</summary>
    [Parameter]
    [ValidateRange(1024L, long.MaxValue)]
    public long MaxBytesPerSecond { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            _installed.AddRange(InputObject.Where(model => model is not null));
        }

        foreach (var update in Update ?? new ModelUpdate[0])
        {
            Approve(update);
        }
    }

    protected override void EndProcessing()
    {
        foreach (var update in UpdatesOfInstalled())
        {
            Approve(update);
        }

        if (_approved.Count == 0)
        {
            return;
        }

        Run(async (writer, cancellation) =>
        {
            var progress = new InstallProgress(writer, _approved.Select(step => step.Plan).ToList());
            try
            {
                foreach (var step in _approved)
                {
                    try
                    {
                        if (await Runtime.Updater.InstallAsync(step, new HubCallOptions { Trace = writer }, progress.Observer, cancellation).ConfigureAwait(false) is { } removed)
                        {
                            writer.Verbose($"Removed {string.Join(", ", removed.Removed)}");
                        }
                    }
                    catch (ModelHubException exception)
                    {
                        writer.Error(exception, step.Installed.Path);
                    }
                    finally
                    {
                        progress.Finished(step.Plan);
                    }
                }
            }
            finally
            {
                progress.Complete();
            }
        });
    }

    /// <summary>The updates of the piped installed models, checked together (every copy of a model counts).</summary>
    private List<ModelUpdate> UpdatesOfInstalled()
    {
        var updates = new List<ModelUpdate>();
        foreach (var copies in UpdateChecker.Group(_installed))
        {
            Run(async (writer, cancellation) =>
            {
                try
                {
                    if (await Runtime.Updates.CheckAsync(copies, new UpdateQuery(), new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false) is { } update)
                    {
                        updates.Add(update);
                    }
                }
                catch (ModelHubException exception)
                {
                    writer.Error(exception, $"{copies[0].Hub}:{copies[0].Id}");
                }
            });
        }

        return updates;
    }

    /// <summary>Plans an update's steps and keeps those -WhatIf/-Confirm allow (decided here, on the pipeline thread).</summary>
    private void Approve(ModelUpdate update)
    {
        if (UpdateChecker.BaseModelWarning(update) is { } warning)
        {
            WriteWarning(warning);
        }

        var options = new UpdateOptions
        {
            RemoveOld = RemoveOld,
            KeepFileName = KeepFileName,
            AllowPickle = AllowPickle,
            MaxConnections = MaxConnections > 0 ? MaxConnections : null,
            MaxBytesPerSecond = MaxBytesPerSecond > 0 ? MaxBytesPerSecond : null,
        };
        IReadOnlyList<UpdateStep> steps = new UpdateStep[0];
        Run(async (writer, cancellation) =>
        {
            try
            {
                steps = await Runtime.Updater.PlanAsync(update, options, new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false);
            }
            catch (ModelHubException exception)
            {
                writer.Error(exception, $"{update.Hub}:{update.Id}");
            }
        });

        foreach (var step in steps)
        {
            step.Plan.Warnings.ToList().ForEach(WriteWarning);
            if (ShouldProcess(step.Installed.Path, Action(step)))
            {
                _approved.Add(step);
            }
        }
    }

    private static string Action(UpdateStep step)
    {
        var files = string.Join(", ", step.Plan.Files.Select(file => $"'{file.File.Path}' as {file.DestinationPath}"));
        var removal = step.RemovesOld ? "; then remove the old file and the sidecars ModelHub wrote for it" : string.Empty;
        return $"Update {step.Update.Hub}:{step.Update.Id} from {step.Installed.VersionId} to {step.Update.VersionId}: install {files}{removal}";
    }
}
