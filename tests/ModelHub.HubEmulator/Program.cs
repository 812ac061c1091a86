using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.HubEmulator;

// The start contract (README.md): bind the three origins, print one JSON line with their addresses,
// serve until SIGTERM/Ctrl+C or until the --parent-pid process ends. stdout carries nothing else.
EmulatorOptions options;
try
{
    options = EmulatorOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.Cancel(); });

await using var host = await EmulatorHost.StartAsync(options);
Console.Out.WriteLine(JsonSerializer.Serialize(new
{
    civitai = host.Origins.Civitai.GetLeftPart(UriPartial.Authority),
    huggingface = host.Origins.HuggingFace.GetLeftPart(UriPartial.Authority),
    cdn = host.Origins.Cdn.GetLeftPart(UriPartial.Authority),
}));
Console.Out.Flush();

if (options.ParentProcessId is { } parentId)
{
    _ = WatchParentAsync(parentId, stop);
}

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;

static async Task WatchParentAsync(int parentId, CancellationTokenSource stop)
{
    try
    {
        using var parent = Process.GetProcessById(parentId);
        await parent.WaitForExitAsync(stop.Token);
    }
    catch (ArgumentException)
    {
        // The parent is already gone.
    }
    catch (OperationCanceledException)
    {
        return;
    }

    stop.Cancel();
}
