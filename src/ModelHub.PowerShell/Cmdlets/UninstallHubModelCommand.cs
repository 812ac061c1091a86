using System.Linq;
using System.Management.Automation;
using ModelHub.Errors;
using ModelHub.Library.Updates;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>
/// Removes installed models: the model file (or diffusers folder), its ModelHub record, and the sidecars the record says
/// ModelHub wrote and that are still as it wrote them. A user's own files beside it stay.
/// </summary>
[Cmdlet(VerbsLifecycle.Uninstall, "HubModel", DefaultParameterSetName = InputSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(UninstallResult))]
public sealed class UninstallHubModelCommand : InstalledPathCmdlet
{
    /// <summary>Write what was removed and kept for each model.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var path in InstalledPaths())
        {
            try
            {
                var plan = Uninstaller.Plan(path);
                var kept = plan.Kept.Count > 0 ? $"; keep {string.Join(", ", plan.Kept)}" : string.Empty;
                if (!ShouldProcess(plan.Path, $"Remove {string.Join(", ", plan.Removed)}{kept}"))
                {
                    continue;
                }

                Uninstaller.Remove(plan);
                plan.Kept.ToList().ForEach(file => WriteVerbose($"Kept {file}: ModelHub did not write it, or it changed since."));
                if (PassThru)
                {
                    WriteObject(plan);
                }
            }
            catch (ModelHubException exception)
            {
                WriteHubError(exception, path);
            }
        }
    }
}
