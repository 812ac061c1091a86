using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Library;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>
/// Lists the models on this machine — in a tool's folders, plain folders and the Hugging Face cache — each identified
/// (sidecars, cache layout, Civitai by hash, safetensors header), as objects that pipe into the hub cmdlets.
/// </summary>
[Cmdlet(VerbsCommon.Get, "InstalledHubModel", SupportsShouldProcess = true)]
[OutputType(typeof(InstalledModel))]
public sealed class GetInstalledHubModelCommand : ModelHubCmdlet
{
    private const int ProgressId = 0;
    private const string Activity = "Scanning installed models";

    /// <summary>The tool whose folders to scan; the stored default (Set-HubConfiguration) when omitted.</summary>
    [Parameter]
    public Tool? Tool { get; set; }

    /// <summary>The tool's folder; the stored default when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ToolRoot { get; set; }

    /// <summary>Plain folders to scan (every subfolder), besides or instead of the tool's.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Only models whose name or file name matches this wildcard.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? Name { get; set; }

    /// <summary>Ask the hubs again about every hash, also those remembered as found or as on no hub.</summary>
    [Parameter]
    public SwitchParameter Refresh { get; set; }

    /// <summary>Write the missing .modelhub.json, .civitai.info and preview beside identified files (never over an existing file).</summary>
    [Parameter]
    public SwitchParameter WriteSidecar { get; set; }

    /// <summary>Also list the models in the Hugging Face cache (HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub).</summary>
    [Parameter]
    public SwitchParameter IncludeHuggingFaceCache { get; set; }

    protected override void ProcessRecord()
    {
        var settings = ReadSettings();
        IReadOnlyList<ScanRoot> roots;
        try
        {
            roots = LibraryScanner.RootsFor(Tool, ToolRoot is null ? null : GetUnresolvedProviderPathFromPSPath(ToolRoot),
                (Path ?? Array.Empty<string>()).Select(GetUnresolvedProviderPathFromPSPath).ToArray(), settings);
        }
        catch (ModelHubException exception)
        {
            ThrowHubError(exception);
            return;
        }

        var request = new ScanRequest
        {
            Roots = roots,
            IncludeHuggingFaceCache = IncludeHuggingFaceCache,
            Name = Name,
            Refresh = Refresh,
            // -WriteSidecar is the one change a scan makes: asked once, here on the pipeline thread; the listing goes on either way.
            WriteSidecars = WriteSidecar && ShouldProcess(string.Join(", ", roots.Select(root => root.Path)), "Write missing sidecars beside identified models"),
        };

        ModelHubException? unusable = null;
        ScanProgress last = default;
        Run(async (writer, cancellation) =>
        {
            var observer = new Observer(writer, progress => last = progress);
            try
            {
                await Runtime.Library.ScanAsync(request, observer, new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false);
            }
            catch (ModelHubConfigurationException exception)
            {
                unusable = exception;
            }
            finally
            {
                writer.Progress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        });

        if (unusable is not null)
        {
            ThrowHubError(unusable);
        }

        WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Scanned {0} model(s); hashed {1} of {2}; read {3} content bytes.",
            last.FilesFound, InstallProgress.Bytes(last.BytesHashed), InstallProgress.Bytes(last.BytesToHash), last.ContentBytesRead));
    }

    /// <summary>Hands the scan's models, warnings and failures to the pipeline thread, and shows its progress.</summary>
    private sealed class Observer(PipelineWriter writer, Action<ScanProgress> keep) : IScanObserver
    {
        public void Found(InstalledModel model) => writer.Object(model);

        public void Warning(string text) => writer.Warning(text);

        public void Failed(ModelHubException exception) => writer.Error(exception, exception.Target);

        public void Progress(ScanProgress progress)
        {
            keep(progress);
            var status = progress.BytesToHash > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0} of {1} models; hashing {2} of {3}", progress.FilesDone, progress.FilesFound, InstallProgress.Bytes(progress.BytesHashed), InstallProgress.Bytes(progress.BytesToHash))
                : string.Format(CultureInfo.InvariantCulture, "{0} of {1} models", progress.FilesDone, progress.FilesFound);
            var record = new ProgressRecord(ProgressId, Activity, status);
            if (progress.BytesToHash > 0)
            {
                record.PercentComplete = (int)Math.Min(100, progress.BytesHashed * 100 / progress.BytesToHash);
            }
            else if (progress.FilesFound > 0)
            {
                record.PercentComplete = Math.Min(100, progress.FilesDone * 100 / progress.FilesFound);
            }

            writer.Progress(record);
        }
    }
}
