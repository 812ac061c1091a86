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
    private const string UrlSet = "Url";

    /// <summary>The model's web page on either hub.</summary>
    [Parameter(Mandatory = true, ParameterSetName = UrlSet, HelpMessage = "The model's web page, e.g. https://civitai.com/models/4201 or https://huggingface.co/org/name.")]
    [ValidateNotNullOrEmpty]
    public string[] Url { get; set; } = new string[0];

    protected override void ProcessRecord() =>
        ForEachModel(References(ParameterSetName == UrlSet ? Url : Id), async (reference, writer, cancellation) =>
        {
            var model = await Runtime.Discovery.GetModelAsync(reference, new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false);
            writer.Object(RawObject.Attach(model));
        });
}
