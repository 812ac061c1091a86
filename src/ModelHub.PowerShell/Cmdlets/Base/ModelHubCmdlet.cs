using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Errors;
using ModelHub.PowerShell.Errors;
using ModelHub.Settings;

namespace ModelHub.PowerShell.Cmdlets.Base;

/// <summary>
/// What every ModelHub cmdlet shares: the module's runtime, one way to report core errors, cancellation
/// from Ctrl+C, and the rule that core work runs off the pipeline thread while everything it reports is
/// written on it.
/// </summary>
public abstract class ModelHubCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    private protected static HubRuntime Runtime => ModuleRuntime.Instance;

    public void Dispose() => _stopping.Dispose();

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Reports a per-item failure and lets the pipeline go on.</summary>
    private protected void WriteHubError(ModelHubException exception, object? target = null) =>
        WriteError(ErrorRecordFactory.Create(exception, target));

    /// <summary>Stops the command: nothing can proceed (for example, the configuration is unusable).</summary>
    private protected void ThrowHubError(ModelHubException exception, object? target = null) =>
        ThrowTerminatingError(ErrorRecordFactory.Create(exception, target));

    /// <summary>The effective settings; an unusable configuration stops the command (InvalidConfiguration).</summary>
    private protected ModelHubSettings ReadSettings()
    {
        try
        {
            return Runtime.Settings.Read();
        }
        catch (ModelHubException exception)
        {
            ThrowHubError(exception);
            throw; // Not reached: ThrowTerminatingError throws.
        }
    }

    /// <summary>
    /// Runs core work on the thread pool and drains what it reports on the pipeline thread until it ends.
    /// When the pipeline stops (Ctrl+C, or Select-Object -First has enough) the work is cancelled.
    /// </summary>
    private protected void Run(Func<PipelineWriter, CancellationToken, Task> work)
    {
        using var queue = new BlockingCollection<Action>();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var writer = new PipelineWriter(this, queue);
        var task = Task.Run(async () =>
        {
            try
            {
                await work(writer, cancellation.Token).ConfigureAwait(false);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        try
        {
            foreach (var write in queue.GetConsumingEnumerable())
            {
                write();
            }
        }
        catch
        {
            // The pipeline refused a write (it stopped): end the work before leaving.
            cancellation.Cancel();
            WaitQuietly(task);
            throw;
        }

        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
        }
    }
}
