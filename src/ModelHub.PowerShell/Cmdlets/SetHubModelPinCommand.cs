using System.Management.Automation;
using ModelHub.Errors;
using ModelHub.Library.Updates;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>
/// Pins installed models (or with -Unpin releases them) in their ModelHub record: update checks leave a pinned install
/// alone, and Update-HubModel never replaces it.
/// </summary>
[Cmdlet(VerbsCommon.Set, "HubModelPin", DefaultParameterSetName = InputSet, SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class SetHubModelPinCommand : InstalledPathCmdlet
{
    /// <summary>Clear the pin instead of setting it.</summary>
    [Parameter]
    public SwitchParameter Unpin { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var path in InstalledPaths())
        {
            if (!ShouldProcess(path, Unpin ? "Unpin" : "Pin"))
            {
                continue;
            }

            try
            {
                PinWriter.SetPinned(path, !Unpin);
            }
            catch (ModelHubException exception)
            {
                WriteHubError(exception, path);
            }
        }
    }
}
