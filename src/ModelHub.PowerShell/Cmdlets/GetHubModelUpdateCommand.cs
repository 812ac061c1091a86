using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Library;
using ModelHub.Library.Updates;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>
/// Reports the installed models that have a newer published version: every installed copy of a model is weighed at
/// once, so a model whose newest version is installed anywhere is not reported, nor a pinned or excluded one.
/// </summary>
[Cmdlet(VerbsCommon.Get, "HubModelUpdate", DefaultParameterSetName = ScanSet)]
[OutputType(typeof(ModelUpdate))]
public sealed class GetHubModelUpdateCommand : ModelHubCmdlet
{
    private const string ScanSet = "Scan";
    private const string InputSet = "InputObject";
    private const int ProgressId = 0;

    // Models checked at once: each check is one or two small API calls.
    private const int ParallelChecks = 4;

    private readonly List<InstalledModel> _installed = new();

    /// <summary>Installed models (Get-InstalledHubModel's output) to check instead of scanning.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
    public InstalledModel[]? InputObject { get; set; }

    /// <summary>The tool whose folders to scan; the stored default (Set-HubConfiguration) when omitted.</summary>
    [Parameter(ParameterSetName = ScanSet)]
    public Tool? Tool { get; set; }

    /// <summary>The tool's folder; the stored default when omitted.</summary>
    [Parameter(ParameterSetName = ScanSet)]
    [ValidateNotNullOrEmpty]
    public string? ToolRoot { get; set; }

    /// <summary>Plain folders to scan (every subfolder), besides or instead of the tool's.</summary>
    [Parameter(Position = 0, ParameterSetName = ScanSet)]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>Also report Civitai versions still in early access.</summary>
    [Parameter]
    public SwitchParameter IncludeEarlyAccess { get; set; }

    /// <summary>Versions never to report: Civitai version ids, Hugging Face commits.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Exclude { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            _installed.AddRange(InputObject.Where(model => model is not null));
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == ScanSet)
        {
            Scan();
        }

        var groups = UpdateChecker.Group(_installed);
        if (groups.Count == 0)
        {
            return;
        }

        var query = new UpdateQuery { IncludeEarlyAccess = IncludeEarlyAccess, Exclude = Exclude ?? Array.Empty<string>() };
        Run(async (writer, cancellation) =>
        {
            var done = 0;
            using var throttle = new SemaphoreSlim(ParallelChecks);
            try
            {
                await Task.WhenAll(groups.Select(async copies =>
                {
                    await throttle.WaitAsync(cancellation).ConfigureAwait(false);
                    try
                    {
                        if (await Runtime.Updates.CheckAsync(copies, query, new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false) is { } update)
                        {
                            if (UpdateChecker.BaseModelWarning(update) is { } warning)
                            {
                                writer.Warning(warning);
                            }

                            writer.Object(update);
                        }
                    }
                    catch (ModelHubException exception)
                    {
                        writer.Error(exception, $"{copies[0].Hub}:{copies[0].Id}");
                    }
                    finally
                    {
                        throttle.Release();
                        var checkedNow = Interlocked.Increment(ref done);
                        writer.Progress(new ProgressRecord(ProgressId, "Checking for updates", string.Format(CultureInfo.InvariantCulture, "{0} of {1} models", checkedNow, groups.Count))
                        {
                            PercentComplete = checkedNow * 100 / groups.Count,
                        });
                    }
                })).ConfigureAwait(false);
            }
            finally
            {
                writer.Progress(new ProgressRecord(ProgressId, "Checking for updates", "Done") { RecordType = ProgressRecordType.Completed });
            }
        });
    }

    /// <summary>The installed set when none is piped in: the tool's folders and the plain folders given, as Get-InstalledHubModel scans them.</summary>
    private void Scan()
    {
        ScanRequest request;
        try
        {
            request = new ScanRequest
            {
                Roots = LibraryScanner.RootsFor(Tool, ToolRoot is null ? null : GetUnresolvedProviderPathFromPSPath(ToolRoot),
                    (Path ?? Array.Empty<string>()).Select(GetUnresolvedProviderPathFromPSPath).ToArray(), ReadSettings()),
            };
        }
        catch (ModelHubException exception)
        {
            ThrowHubError(exception);
            return;
        }

        Run(async (writer, cancellation) =>
        {
            try
            {
                await Runtime.Library.ScanAsync(request, new ScanCollector(writer, _installed), new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false);
            }
            finally
            {
                writer.Progress(new ProgressRecord(ProgressId, "Scanning installed models", "Done") { RecordType = ProgressRecordType.Completed });
            }
        });
    }

    /// <summary>Keeps what the scan finds and passes its warnings and failures on.</summary>
    private sealed class ScanCollector(PipelineWriter writer, List<InstalledModel> installed) : IScanObserver
    {
        public void Found(InstalledModel model)
        {
            lock (installed)
            {
                installed.Add(model);
            }
        }

        public void Warning(string text) => writer.Warning(text);

        public void Failed(ModelHubException exception) => writer.Error(exception, exception.Target);

        public void Progress(ScanProgress progress) =>
            writer.Progress(new ProgressRecord(ProgressId, "Scanning installed models", string.Format(CultureInfo.InvariantCulture, "{0} of {1} models", progress.FilesDone, progress.FilesFound)));
    }
}
