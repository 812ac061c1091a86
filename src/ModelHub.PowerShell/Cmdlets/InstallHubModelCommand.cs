using System.Management.Automation;
using ModelHub.Installs;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>
/// Installs models from either hub, verified, into the folder their tool reads (or a plain folder), with the
/// sidecars A1111/Forge extensions read and ModelHub's own record.
/// </summary>
[Cmdlet(VerbsLifecycle.Install, "HubModel", DefaultParameterSetName = ToolSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(InstallResult))]
public sealed class InstallHubModelCommand : InstallCmdlet
{
    private const string ToolSet = "Tool";
    private const string PathSet = "Path";

    /// <summary>The tool whose folder layout places the files; the stored default (Set-HubConfiguration) when omitted.</summary>
    [Parameter(ParameterSetName = ToolSet)]
    public Tool? Tool { get; set; }

    /// <summary>The tool's folder (ComfyUI's, or A1111's/Forge's webui folder); the stored default when omitted.</summary>
    [Parameter(ParameterSetName = ToolSet)]
    [ValidateNotNullOrEmpty]
    public string? ToolRoot { get; set; }

    /// <summary>A plain folder to install into instead of a tool's layout (sidecars and records are still written).</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    private protected override InstallOptions Destination(InstallOptions shared) => shared with
    {
        Tool = Tool,
        ToolRoot = ToolRoot is null ? null : GetUnresolvedProviderPathFromPSPath(ToolRoot),
        Path = Path is null ? null : GetUnresolvedProviderPathFromPSPath(Path),
    };

    private protected override string Action(InstallPlan plan, PlannedFile file) =>
        $"Install {Describe(file)} of {plan.Model.Hub}:{plan.Model.Id}@{plan.Version.VersionId} (rule: {plan.Placement.Rule})";
}
