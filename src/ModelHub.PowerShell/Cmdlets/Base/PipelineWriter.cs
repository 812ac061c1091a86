using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Net.Http;
using ModelHub.Errors;
using ModelHub.Http;
using ModelHub.PowerShell.Errors;

namespace ModelHub.PowerShell.Cmdlets.Base;

/// <summary>
/// How core work running off the pipeline thread writes: each call queues the write for the pipeline
/// thread. It is also the HTTP trace: requests show as Verbose, retry decisions as Debug (URLs redacted).
/// </summary>
internal sealed class PipelineWriter : IHubHttpTrace
{
    private readonly Cmdlet _cmdlet;
    private readonly BlockingCollection<Action> _queue;

    public PipelineWriter(Cmdlet cmdlet, BlockingCollection<Action> queue)
    {
        _cmdlet = cmdlet;
        _queue = queue;
    }

    public void Object(object value) => _queue.Add(() => _cmdlet.WriteObject(value));

    public void Error(ModelHubException exception, object? target) => _queue.Add(() => _cmdlet.WriteError(ErrorRecordFactory.Create(exception, target)));

    public void Warning(string text) => _queue.Add(() => _cmdlet.WriteWarning(text));

    public void Progress(ProgressRecord record) => _queue.Add(() => _cmdlet.WriteProgress(record));

    public void Verbose(string text) => _queue.Add(() => _cmdlet.WriteVerbose(text));

    public void Sending(HttpMethod method, string redactedUrl, int attempt) =>
        _queue.Add(() => _cmdlet.WriteVerbose(attempt == 1 ? $"{method} {redactedUrl}" : $"{method} {redactedUrl} (attempt {attempt})"));

    public void Retrying(string redactedUrl, int attempt, TimeSpan delay, string reason) =>
        _queue.Add(() => _cmdlet.WriteDebug($"Retry {attempt} of {redactedUrl} in {delay.TotalSeconds:0.###} s: {reason}"));
}
