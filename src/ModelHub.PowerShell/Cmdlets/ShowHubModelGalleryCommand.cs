using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Gallery;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>Writes the piped models, with their sample images, as one HTML page and opens it in the default browser.</summary>
[Cmdlet(VerbsCommon.Show, "HubModelGallery")]
[OutputType(typeof(FileInfo))]
public sealed class ShowHubModelGalleryCommand : ModelHubCmdlet
{
    private readonly List<Model> _models = new();

    /// <summary>Models from Find-HubModel or Get-HubModel.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, HelpMessage = "Models from Find-HubModel or Get-HubModel.")]
    [ValidateNotNull]
    public Model[] InputObject { get; set; } = new Model[0];

    [Parameter]
    [ValidateRange(0, 100)]
    public int ImageCount { get; set; } = 4;

    [Parameter]
    public SwitchParameter IncludeNsfw { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    public SwitchParameter NoOpen { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => _models.AddRange(InputObject);

    protected override void EndProcessing()
    {
        var settings = ReadSettings();
        try
        {
            // The same content policy as Find-HubModel -IncludeNsfw: Strict refuses it.
            ModelDiscovery.UnderPolicy(new ModelQuery { IncludeNsfw = IncludeNsfw }, settings.ContentPolicy);
        }
        catch (ModelHubException exception)
        {
            ThrowHubError(exception);
        }

        var now = DateTimeOffset.Now;
        var path = Path is null ? GalleryFile.DefaultPath(now) : GetUnresolvedProviderPathFromPSPath(Path);
        FileInfo? page = null;
        Run(async (writer, cancellation) =>
        {
            var entries = await new GalleryCollector(Runtime.Discovery).CollectAsync(
                _models, ImageCount, IncludeNsfw, new HubCallOptions { Trace = writer }, (model, error) => writer.Error(error, model.ToString()), cancellation).ConfigureAwait(false);
            try
            {
                page = GalleryFile.Write(path, GalleryPage.Build(entries, now));
            }
            catch (ModelHubException exception)
            {
                writer.Error(exception, path);
            }
        });

        if (page is null)
        {
            return;
        }

        if (!NoOpen)
        {
            try
            {
                DefaultBrowser.Open(page.FullName);
            }
            catch (ModelHubException exception)
            {
                WriteHubError(exception, page.FullName);
            }
        }

        if (PassThru)
        {
            WriteObject(page);
        }
    }
}
