using System.Management.Automation;
using ModelHub.Discovery;
using ModelHub.PowerShell.Cmdlets.Base;
using ModelHub.PowerShell.Output;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>Gets a model's card: a Hugging Face README (front matter as data) or a Civitai description, as data and readable text.</summary>
[Cmdlet(VerbsCommon.Get, "HubModelCard", DefaultParameterSetName = IdSet)]
[OutputType(typeof(ModelCard), ParameterSetName = new[] { IdSet })]
[OutputType(typeof(string), ParameterSetName = new[] { MarkdownSet, RawSet })]
public sealed class GetHubModelCardCommand : ModelCmdlet
{
    private const string MarkdownSet = "AsMarkdown";
    private const string RawSet = "Raw";

    /// <summary>A Civitai version id, or a Hugging Face commit, branch or tag.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? VersionId { get; set; }

    /// <summary>Write the card as a Markdown string (for Show-Markdown).</summary>
    [Parameter(Mandatory = true, ParameterSetName = MarkdownSet)]
    public SwitchParameter AsMarkdown { get; set; }

    /// <summary>Write the hub's original text: the README, or the description HTML.</summary>
    [Parameter(Mandatory = true, ParameterSetName = RawSet)]
    public SwitchParameter Raw { get; set; }

    protected override void ProcessRecord() =>
        ForEachModel(References(Id), async (reference, writer, cancellation) =>
        {
            var card = await Runtime.Discovery.GetCardAsync(reference, VersionId, new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false);
            foreach (var warning in card.Warnings)
            {
                writer.Warning(warning);
            }

            writer.Object(AsMarkdown ? card.Markdown : Raw ? card.Raw : RawObject.Attach(card));
        });
}
