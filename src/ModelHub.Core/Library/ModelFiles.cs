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

    public long Size { get; init; }

    public DateTime LastWriteUtc { get; init; }

    /// <summary>What the place it was found in already says (the Hugging Face cache's layout).</summary>
    public Identity? Known { get; init; }

    /// <summary>The names in the folder that holds it, read in the same listing (so sidecars are looked up without a call each); null when not listed.</summary>
    public ISet<string>? Siblings { get; init; }

    /// <summary>The folders at or above it, nearest first, that hold huggingface_hub's --local-dir metadata (.cache/huggingface/download).</summary>
    public IReadOnlyList<string> LocalDirs { get; init; } = Array.Empty<string>();

    /// <summary>Whether a file beside it exists: from the folder's listing when there is one.</summary>
    public bool HasSibling(string path) => Siblings?.Contains(System.IO.Path.GetFileName(path)) ?? System.IO.File.Exists(path);
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
    public static IEnumerable<FoundEntry> Find(ScanFolder folder, Action<string, Exception> unreadable)
    {
        // A folder given that is itself a pipeline (-Path to a diffusers folder) is one entry.
        var localDirs = LocalDirsOf(folder.Path, Array.Empty<string>());
        return IsDiffusersFolder(folder.Path)
            ? new[] { Pipeline(folder.Path, folder, siblings: null, localDirs) }
            : Walk(folder, folder.Path, 0, localDirs, unreadable);
    }

    /// <summary>A diffusers folder as one entry: every file's bytes, hidden folders left out, dated by its model_index.json.</summary>
    private static FoundEntry Pipeline(string path, ScanFolder folder, ISet<string>? siblings, IReadOnlyList<string> localDirs) => new()
    {
        Path = path,
        IsFolder = true,
        Tool = folder.Tool,
        TypeHint = folder.Type,
        Size = Visible(new DirectoryInfo(path)).Sum(file => file.Length),
        LastWriteUtc = File.GetLastWriteTimeUtc(System.IO.Path.Combine(path, DiffusersIndex)),
        Siblings = siblings,
        LocalDirs = LocalDirsOf(path, localDirs),
    };

    private static IEnumerable<FoundEntry> Walk(ScanFolder folder, string path, int depth, IReadOnlyList<string> localDirs, Action<string, Exception> unreadable)
    {
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

        var siblings = new HashSet<string>(entries.Select(entry => entry.Name), LibraryFolders.PathComparer);
        var found = new List<FoundEntry>();
        foreach (var entry in entries.OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            if (entry is FileInfo file && IsModelFile(file.Name))
            {
                found.Add(new FoundEntry
                {
                    Path = file.FullName,
                    Tool = folder.Tool,
                    TypeHint = folder.Type,
                                Size = file.Length,
                    LastWriteUtc = file.LastWriteTimeUtc,
                    Siblings = siblings,
                    LocalDirs = localDirs,
                });
            }
            else if (entry is DirectoryInfo directory && !directory.Name.StartsWith(".", StringComparison.Ordinal) && depth < MaxDepth)
            {
                found.AddRange(IsDiffusersFolder(directory.FullName)
                    ? new[] { Pipeline(directory.FullName, folder, siblings, localDirs) }
                    : Walk(folder, directory.FullName, depth + 1, LocalDirsOf(directory.FullName, localDirs), unreadable));
            }
        }

        return found;
    }

    /// <summary>The local dirs above, with <paramref name="path"/> first when it holds --local-dir metadata.</summary>
    private static IReadOnlyList<string> LocalDirsOf(string path, IReadOnlyList<string> above) =>
        Directory.Exists(System.IO.Path.Combine(path, LocalDirMetadata.DownloadFolder)) ? new[] { path }.Concat(above).ToArray() : above;

    private static IEnumerable<FileInfo> Visible(DirectoryInfo folder) =>
        folder.EnumerateFiles().Concat(folder.EnumerateDirectories().Where(sub => !sub.Name.StartsWith(".", StringComparison.Ordinal)).SelectMany(Visible));
}
