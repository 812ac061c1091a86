using System.Management.Automation;
using ModelHub.Installs;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>Downloads models' files, verified, into a folder: no placement rules, no sidecars, no records.</summary>
[Cmdlet(VerbsData.Save, "HubModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(InstallResult))]
public sealed class SaveHubModelCommand : InstallCmdlet
{
    /// <summary>The folder to save into (created when missing).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    private protected override InstallOptions Destination(InstallOptions shared) => shared with
    {
        Path = GetUnresolvedProviderPathFromPSPath(Path),
        WriteSidecars = false,
    };

    private protected override string Action(InstallPlan plan, PlannedFile file) =>
        $"Save {Describe(file)} of {plan.Model.Hub}:{plan.Model.Id}@{plan.Version.VersionId}";
}
