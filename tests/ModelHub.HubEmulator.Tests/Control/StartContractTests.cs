using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ModelHub.HubEmulator.Tests.Control;

/// <summary>The start contract that bench scripts and outside checks rely on, against the real process.</summary>
public sealed class StartContractTests
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "ModelHub.HubEmulator.dll");
    private readonly ITestOutputHelper _output;

    public StartContractTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Prints_one_json_line_with_three_origins_then_stops_on_SIGTERM()
    {
        var clock = Stopwatch.StartNew();
        using var emulator = Start("--quiet");
        var line = await ReadLineAsync(emulator);
        _output.WriteLine($"addresses after {clock.ElapsedMilliseconds} ms: {line}");

        using var origins = JsonDocument.Parse(line);
        var ports = new System.Collections.Generic.HashSet<int>();
        foreach (var name in new[] { "civitai", "huggingface", "cdn" })
        {
            var origin = new Uri(origins.RootElement.GetProperty(name).GetString()!);
            Assert.Equal("127.0.0.1", origin.Host);
            Assert.Equal("/", origin.AbsolutePath);
            ports.Add(origin.Port);
            using var http = new HttpClient();
            (await http.GetAsync(new Uri(origin, "/_emulator/requests"))).EnsureSuccessStatusCode();
        }

        Assert.Equal(3, ports.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"startup took {clock.Elapsed}");

        using (Process.Start("kill", ["-TERM", emulator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
        }

        Assert.True(emulator.WaitForExit(10_000), "the emulator did not stop on SIGTERM");
        Assert.Equal(0, emulator.ExitCode);
        Assert.Equal(string.Empty, await emulator.StandardOutput.ReadToEndAsync());
    }

    [Fact]
    public async Task Exits_when_its_parent_process_ends()
    {
        using var parent = Process.Start("sleep", "60")!;
        using var emulator = Start("--quiet", "--parent-pid", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ReadLineAsync(emulator);

        parent.Kill();

        Assert.True(emulator.WaitForExit(10_000), "the emulator outlived its parent");
    }

    [Fact]
    public void Refuses_an_unknown_option_with_a_usage_message()
    {
        using var emulator = Start("--colour", "blue");

        Assert.True(emulator.WaitForExit(10_000));
        Assert.Equal(2, emulator.ExitCode);
        Assert.Contains("--colour", emulator.StandardError.ReadToEnd());
    }

    private static Process Start(params string[] options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in new[] { "--civitai", "http://127.0.0.1:0", "--huggingface", "http://127.0.0.1:0", "--cdn", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        return Process.Start(start)!;
    }

    private static async Task<string> ReadLineAsync(Process emulator)
    {
        var line = await emulator.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return line ?? throw new InvalidOperationException("The emulator ended without printing its addresses: " + await emulator.StandardError.ReadToEndAsync());
    }
}
