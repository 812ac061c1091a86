using System.Management.Automation;
using ModelHub.Discovery;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>Gets the files of a model version (the latest when no version is named), with sizes and hashes.</summary>
[Cmdlet(VerbsCommon.Get, "HubModelFile", DefaultParameterSetName = IdSet)]
[OutputType(typeof(ModelFile))]
public sealed class GetHubModelFileCommand : ModelCmdlet
{
    /// <summary>The version: a Civitai version id, or a Hugging Face commit, branch or tag.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? VersionId { get; set; }

    protected override void ProcessRecord() =>
        ForEachModel(References(Id), async (reference, writer, cancellation) =>
        {
            await Runtime.Discovery.GetFilesAsync(reference, VersionId, new HubCallOptions { Trace = writer }, writer.Object, cancellation).ConfigureAwait(false);
        });
}
