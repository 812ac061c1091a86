using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Downloads;
using ModelHub.PowerShell.Cmdlets.Base;
using ModelHub.PowerShell.Output;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>Gets a model's sample images with the settings that made them; -Path saves them.</summary>
[Cmdlet(VerbsCommon.Get, "HubModelImage", DefaultParameterSetName = IdSet, SupportsShouldProcess = true)]
[OutputType(typeof(ModelImage), ParameterSetName = new[] { IdSet })]
[OutputType(typeof(FileInfo), ParameterSetName = new[] { SaveSet })]
public sealed class GetHubModelImageCommand : ModelCmdlet
{
    private const string SaveSet = "Save";

    /// <summary>A Civitai version id, or a Hugging Face commit, branch or tag.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? VersionId { get; set; }

    /// <summary>How many images per model at most.</summary>
    [Parameter]
    [ValidateRange(1, 10_000)]
    public int First { get; set; } = 20;

    /// <summary>Include NSFW images.</summary>
    [Parameter]
    public SwitchParameter IncludeNsfw { get; set; }

    /// <summary>Save the images into this folder and write the files instead of the images.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SaveSet)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    protected override void ProcessRecord()
    {
        var folder = Path is null ? null : GetUnresolvedProviderPathFromPSPath(Path);
        if (IncludeNsfw)
        {
            try
            {
                ModelDiscovery.UnderPolicy(new ModelQuery { IncludeNsfw = true }, ReadSettings().ContentPolicy);
            }
            catch (ModelHubException exception)
            {
                ThrowHubError(exception);
            }
        }

        foreach (var reference in References(Id))
        {
            var images = new List<ModelImage>();
            RunFor(reference, (writer, cancellation) => Runtime.Discovery.GetImagesAsync(reference, VersionId, IncludeNsfw, new HubCallOptions { Trace = writer }, image =>
            {
                images.Add(image);
                return images.Count < First;
            }, cancellation));

            if (folder is null)
            {
                images.ForEach(image => WriteObject(RawObject.Attach(image)));
                continue;
            }

            // Every decision is made here, on the pipeline thread, before the downloads start.
            var approved = images.Where(image => ShouldProcess(ImageSaver.PlannedPath(image, folder), "Save sample image")).ToList();
            RunFor(reference, async (writer, cancellation) =>
            {
                foreach (var image in approved)
                {
                    try
                    {
                        writer.Object(new FileInfo(await Runtime.Images.SaveAsync(image, folder, new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false)));
                    }
                    catch (ModelHubException exception)
                    {
                        writer.Error(exception, image.Url);
                    }
                }
            });
        }
    }
}
