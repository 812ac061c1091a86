using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ModelHub.HubEmulator.Tests.HuggingFace;

/// <summary>
/// The small node project in HuggingFace/hfjs: copied into the test output and npm-installed there once
/// (reused while the installed version is the one package.json pins), then its scripts run with node.
/// </summary>
internal sealed class NodeProject
{
    private const string SourceFolder = "HuggingFace/hfjs";

    private NodeProject(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    /// <summary>Copies the project next to the test binaries and installs its dependencies unless they already are.</summary>
    public static async Task<(NodeProject? Project, string Output)> PrepareAsync(TimeSpan timeout)
    {
        var source = Source();
        var folder = Path.Combine(AppContext.BaseDirectory, "hfjs");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        var project = new NodeProject(folder);
        if (project.IsInstalled())
        {
            return (project, "already installed");
        }

        var (exitCode, output) = await RunAsync(folder, "npm", ["install", "--no-audit", "--no-fund"], new Dictionary<string, string>(), timeout);
        return (exitCode == 0 && project.IsInstalled() ? project : null, output);
    }

    public Task<(int ExitCode, string Output)> RunScriptAsync(string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout) =>
        RunAsync(Folder, "node", [script], environment, timeout);

    /// <summary>Whether node_modules holds exactly the versions package.json pins.</summary>
    private bool IsInstalled()
    {
        var dependencies = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "package.json")))!["dependencies"]!.AsObject();
        foreach (var (name, version) in dependencies)
        {
            var installed = Path.Combine(Folder, "node_modules", name, "package.json");
            if (!File.Exists(installed) || JsonNode.Parse(File.ReadAllText(installed))!["version"]!.GetValue<string>() != version!.GetValue<string>())
            {
                return false;
            }
        }

        return true;
    }

    private static string Source()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, SourceFolder);
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No {SourceFolder}/package.json above {AppContext.BaseDirectory}.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string folder, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Append(output, $"{program} did not finish within {timeout}.");
            return (-1, output.ToString());
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
