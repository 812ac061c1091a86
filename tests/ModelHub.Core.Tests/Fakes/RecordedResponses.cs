using System;
using System.IO;

namespace ModelHub.Tests.Fakes;

/// <summary>
/// The real hub responses recorded in the shared folder beside the repository (never copied into it):
/// MODELHUB_RECORDED_RESPONSES, else ../shared/hub-api/fixtures from the repository root.
/// </summary>
internal static class RecordedResponses
{
    public static string Folder { get; } = Locate();

    public static string Read(string relativePath)
    {
        var path = Path.Combine(Folder, relativePath);
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"The recorded response {relativePath} is not in {Folder}. Set MODELHUB_RECORDED_RESPONSES to the hub-api/fixtures folder.", path);
    }

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("MODELHUB_RECORDED_RESPONSES") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ModelHub.PowerShell.sln")))
            {
                return Path.Combine(folder.Parent?.FullName ?? folder.FullName, "shared", "hub-api", "fixtures");
            }
        }

        return Path.Combine("..", "shared", "hub-api", "fixtures");
    }
}
