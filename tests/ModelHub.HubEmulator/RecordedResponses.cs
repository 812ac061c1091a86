using System;
using System.IO;

namespace ModelHub.HubEmulator;

/// <summary>
/// The real recorded hub responses (public data, never copied into the project): the folder named by
/// --recorded-responses or MODELHUB_RECORDED_RESPONSES, else ../shared/hub-api/fixtures beside the repository.
/// When none is found, the catalogues are generated only.
/// </summary>
public sealed class RecordedResponses
{
    public const string Variable = "MODELHUB_RECORDED_RESPONSES";

    private RecordedResponses(string? folder)
    {
        Folder = folder;
    }

    /// <summary>The fixtures folder (with civitai/ and hf/ inside), or null when absent.</summary>
    public string? Folder { get; }

    public bool IsAvailable => Folder is not null;

    public static RecordedResponses Locate(string? configured)
    {
        if ((configured ?? Environment.GetEnvironmentVariable(Variable)) is { Length: > 0 } named)
        {
            return new RecordedResponses(Directory.Exists(named) ? Path.GetFullPath(named) : null);
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ModelHub.PowerShell.sln")))
            {
                var shared = Path.Combine(folder.FullName, "..", "shared", "hub-api", "fixtures");
                return new RecordedResponses(Directory.Exists(shared) ? Path.GetFullPath(shared) : null);
            }
        }

        return new RecordedResponses(null);
    }

    /// <summary>A recorded file's text, e.g. Read("civitai/model-1231067.json").</summary>
    public string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(Folder ?? throw new InvalidOperationException("No recorded responses are available."), relativePath));

    public bool Exists(string relativePath) => Folder is not null && File.Exists(Path.Combine(Folder, relativePath));
}
