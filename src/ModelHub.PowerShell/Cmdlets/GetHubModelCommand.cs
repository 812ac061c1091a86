using System.Management.Automation;
using ModelHub.Discovery;
using ModelHub.PowerShell.Cmdlets.Base;
using ModelHub.PowerShell.Output;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>Gets models with all their versions and files, by id, AIR or web page URL, or from the pipeline.</summary>
[Cmdlet(VerbsCommon.Get, "HubModel", DefaultParameterSetName = IdSet)]
[OutputType(typeof(Model))]
public sealed class GetHubModelCommand : ModelCmdlet
{
    protected override void ProcessRecord() =>
        ForEachModel(References(Id), async (reference, writer, cancellation) =>
        {
            var model = await Runtime.Discovery.GetModelAsync(reference, new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false);
            writer.Object(RawObject.Attach(model));
        });
}
