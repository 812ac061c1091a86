using System.Management.Automation;
using ModelHub.Errors;
using ModelHub.PowerShell.Errors;

namespace ModelHub.PowerShell.Cmdlets.Base;

/// <summary>What every ModelHub cmdlet shares: the module's runtime and one way to report core errors.</summary>
public abstract class ModelHubCmdlet : PSCmdlet
{
    private protected static HubRuntime Runtime => ModuleRuntime.Instance;

    /// <summary>Reports a per-item failure and lets the pipeline go on.</summary>
    private protected void WriteHubError(ModelHubException exception, object? target = null) =>
        WriteError(ErrorRecordFactory.Create(exception, target));

    /// <summary>Stops the command: nothing can proceed (for example, the configuration is unusable).</summary>
    private protected void ThrowHubError(ModelHubException exception, object? target = null) =>
        ThrowTerminatingError(ErrorRecordFactory.Create(exception, target));
}
