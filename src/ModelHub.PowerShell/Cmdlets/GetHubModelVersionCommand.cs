using System.Management.Automation;
using ModelHub.Discovery;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>Gets a model's versions: Civitai versions, or Hugging Face commits of the default branch.</summary>
[Cmdlet(VerbsCommon.Get, "HubModelVersion", DefaultParameterSetName = IdSet)]
[OutputType(typeof(ModelVersion))]
public sealed class GetHubModelVersionCommand : ModelCmdlet
{
    /// <summary>Only the newest version.</summary>
    [Parameter(ParameterSetName = IdSet)]
    public SwitchParameter Latest { get; set; }

    /// <summary>Every version: on Hugging Face, the whole commit history instead of the head commit.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord() =>
        ForEachModel(References(Id), async (reference, writer, cancellation) =>
        {
            await Runtime.Discovery.GetVersionsAsync(reference, All && !Latest, new HubCallOptions { Trace = writer }, version =>
            {
                writer.Object(version);
                return !Latest;
            }, cancellation).ConfigureAwait(false);
        });
}
