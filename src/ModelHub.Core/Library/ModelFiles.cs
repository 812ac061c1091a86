using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ModelHub.Library;

/// <summary>A model file, or a diffusers folder, found on disk.</summary>
internal sealed class FoundEntry
{
    public string Path { get; init; } = string.Empty;

    public bool IsFolder { get; init; }

    public Tool? Tool { get; init; }

    /// <summary>The type the tool reads from the folder it was found in; null in a plain folder.</summary>
    public ModelType? TypeHint { get; init; }

    /// <summary>The folder the scan walked to find it (where --local-dir metadata is looked for, at most up to here).</summary>
    public string ScanFolder { get; init; } = string.Empty;

    public long Size { get; init; }

    public DateTime LastWriteUtc { get; init; }

    /// <summary>What the place it was found in already says (the Hugging Face cache's layout).</summary>
    public Identity? Known { get; init; }
}

/// <summary>
/// Walks folders for models the way the tools do: every subfolder, model files by extension, a folder holding
/// model_index.json as one diffusers pipeline. Hidden folders (.modelhub-staging, .cache, .git) are skipped,
/// and so are sidecars and previews, which have no model extension.
/// </summary>
internal static class ModelFiles
{
    public const string DiffusersIndex = "model_index.json";

    /// <summary>Deep enough for any real layout; stops a loop of linked folders.</summary>
    private const int MaxDepth = 16;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".safetensors", ".ckpt", ".pt", ".pth", ".bin", ".gguf", ".sft",
    };

    public static bool IsModelFile(string path) => Extensions.Contains(System.IO.Path.GetExtension(path));

    public static bool IsDiffusersFolder(string folder) => File.Exists(System.IO.Path.Combine(folder, DiffusersIndex));

    /// <summary>Every model under <paramref name="folder"/>; a subfolder that cannot be listed goes to <paramref name="unreadable"/>.</summary>
    public static IEnumerable<FoundEntry> Find(ScanFolder folder, Action<string, Exception> unreadable) =>
        Walk(folder, folder.Path, 0, unreadable);

    /// <summary>A diffusers folder as one entry: every file's bytes, hidden folders left out, dated by its model_index.json.</summary>
    public static FoundEntry Pipeline(string path, Tool? tool, ModelType? typeHint, string scanFolder) => new()
    {
        Path = path,
        IsFolder = true,
        Tool = tool,
        TypeHint = typeHint,
        ScanFolder = scanFolder,
        Size = Visible(new DirectoryInfo(path)).Sum(file => file.Length),
        LastWriteUtc = File.GetLastWriteTimeUtc(System.IO.Path.Combine(path, DiffusersIndex)),
    };

    public static FoundEntry Single(FileInfo file, Tool? tool, ModelType? typeHint, string scanFolder) => new()
    {
        Path = file.FullName,
        Tool = tool,
        TypeHint = typeHint,
        ScanFolder = scanFolder,
        Size = file.Length,
        LastWriteUtc = file.LastWriteTimeUtc,
    };

    private static IEnumerable<FoundEntry> Walk(ScanFolder folder, string path, int depth, Action<string, Exception> unreadable)
    {
        if (IsDiffusersFolder(path))
        {
            return new[] { Pipeline(path, folder.Tool, folder.Type, folder.Path) };
        }

        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(path).GetFileSystemInfos();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            unreadable(path, exception);
            return Array.Empty<FoundEntry>();
        }

        var found = new List<FoundEntry>();
        foreach (var entry in entries.OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            if (entry is FileInfo file && IsModelFile(file.Name))
            {
                found.Add(Single(file, folder.Tool, folder.Type, folder.Path));
            }
            else if (entry is DirectoryInfo directory && !directory.Name.StartsWith(".", StringComparison.Ordinal) && depth < MaxDepth)
            {
                found.AddRange(Walk(folder, directory.FullName, depth + 1, unreadable));
            }
        }

        return found;
    }

    private static IEnumerable<FileInfo> Visible(DirectoryInfo folder) =>
        folder.EnumerateFiles().Concat(folder.EnumerateDirectories().Where(sub => !sub.Name.StartsWith(".", StringComparison.Ordinal)).SelectMany(Visible));
}
