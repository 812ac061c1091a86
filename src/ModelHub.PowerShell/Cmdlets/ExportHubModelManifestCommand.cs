using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Library;
using ModelHub.Manifests;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>
/// Writes a manifest of installed models (piped from Get-InstalledHubModel, else a scan of the tool root): one entry per
/// identified file with its hub, version, SHA-256, size and path under the tool root, as .json or .psd1 by extension.
/// </summary>
[Cmdlet(VerbsData.Export, "HubModelManifest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class ExportHubModelManifestCommand : ModelHubCmdlet
{
    private const int ScanProgressId = 0;
    private const string ScanActivity = "Scanning installed models";

    private readonly List<InstalledModel> _models = new();

    /// <summary>The manifest file to write: .json or .psd1.</summary>
    [Parameter(Mandatory = true, Position = 0, HelpMessage = "The manifest file to write: .json or .psd1.")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The tool whose root the paths are relative to (and that is scanned without input); the stored default when omitted.</summary>
    [Parameter]
    public Tool? Tool { get; set; }

    /// <summary>The tool's folder; the stored default when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ToolRoot { get; set; }

    /// <summary>Installed models from Get-InstalledHubModel; without input the tool root is scanned.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public InstalledModel[]? InputObject { get; set; }

    /// <summary>Replace the file when it exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Write the manifest's FileInfo.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            _models.AddRange(InputObject);
        }
    }

    protected override void EndProcessing()
    {
        var settings = ReadSettings();
        var path = GetUnresolvedProviderPathFromPSPath(Path);
        var toolRoot = ToolRoot is null ? null : GetUnresolvedProviderPathFromPSPath(ToolRoot);
        var tool = Tool ?? settings.Tool;
        var root = toolRoot ?? (tool == settings.Tool ? settings.ToolRoot : null);
        try
        {
            ManifestFiles.IsPsd1(path);
            if (!MyInvocation.ExpectingInput && InputObject is null)
            {
                var scanned = ManifestExport.RootToScan(Tool, toolRoot, settings);
                Scan(scanned);
                (tool, root) = (scanned.Tool, scanned.Path);
            }
        }
        catch (ModelHubException exception)
        {
            ThrowHubError(exception, path);
        }

        var export = ManifestExport.Build(_models, tool, root, DateTimeOffset.UtcNow);
        foreach (var warning in export.Warnings)
        {
            WriteWarning(warning);
        }

        if (!ShouldProcess(path, $"Write a manifest of {export.Manifest.Files.Count} file(s)"))
        {
            return;
        }

        try
        {
            ManifestFiles.Write(path, export.Manifest, Force);
        }
        catch (ModelHubException exception)
        {
            ThrowHubError(exception, path);
        }

        if (PassThru)
        {
            WriteObject(new FileInfo(path));
        }
    }

    /// <summary>Scans the tool root for the installed models, showing the scan's warnings and failures.</summary>
    private void Scan(ScanRoot root) =>
        Run(async (writer, cancellation) =>
        {
            try
            {
                await Runtime.Library.ScanAsync(new ScanRequest { Roots = new[] { root } }, new Collector(writer, _models), new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false);
            }
            finally
            {
                writer.Progress(new ProgressRecord(ScanProgressId, ScanActivity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        });

    private sealed class Collector(PipelineWriter writer, List<InstalledModel> models) : IScanObserver
    {
        public void Found(InstalledModel model)
        {
            lock (models)
            {
                models.Add(model);
            }
        }

        public void Progress(ScanProgress progress) =>
            writer.Progress(new ProgressRecord(ScanProgressId, ScanActivity, $"{progress.FilesDone} of {progress.FilesFound} models")
            {
                PercentComplete = progress.FilesFound > 0 ? Math.Min(100, progress.FilesDone * 100 / progress.FilesFound) : 0,
            });

        public void Warning(string text) => writer.Warning(text);

        public void Failed(ModelHubException exception) => writer.Error(exception, exception.Target);
    }
}
