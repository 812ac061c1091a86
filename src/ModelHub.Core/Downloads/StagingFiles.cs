using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelHub.Http;
using ModelHub.IO;

namespace ModelHub.Downloads;

/// <summary>
/// The files of one download in its staging folder: the data (".partial", never a model extension, so no tool
/// loads it), its state (".json") and the destination's lock (".lock"). The data's name follows from what is
/// downloaded and where to, so a later call for the same file finds it and resumes.
/// </summary>
internal sealed class StagingFiles
{
    private static readonly JsonSerializerOptions StateFormat = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private StagingFiles(string folder, string key, string lockKey)
    {
        Folder = folder;
        PartialPath = Path.Combine(folder, key + ".partial");
        StatePath = Path.Combine(folder, key + ".json");
        LockPath = Path.Combine(folder, lockKey + ".lock");
    }

    public string Folder { get; }

    public string PartialPath { get; }

    public string StatePath { get; }

    /// <summary>One lock per destination, whatever is downloaded to it.</summary>
    public string LockPath { get; }

    /// <param name="destination">The destination's full path.</param>
    public static StagingFiles For(DownloadRequest request, string destination)
    {
        // The URL without secrets (a token= parameter would change the name, and must never reach a file name anyway).
        var key = Digest(string.Join("\n", request.Hub, Redaction.Url(request.Url), request.ExpectedSha256, request.ExpectedGitBlobSha1, request.ExpectedSize, destination));
        return new StagingFiles(FileDownloader.StagingFolderFor(destination), key, Digest(ComparablePath(destination)));
    }

    /// <summary>
    /// The state of an earlier, interrupted download of this file, when its data is still there and can be trusted:
    /// the same format, the expected size, parts that tile the file, and data at least as long as they claim.
    /// </summary>
    public StagingState? LoadState(long? expectedSize)
    {
        try
        {
            if (!File.Exists(StatePath) || !File.Exists(PartialPath))
            {
                return null;
            }

            var state = JsonSerializer.Deserialize<StagingState>(File.ReadAllText(StatePath), StateFormat);
            return state is not null && IsConsistent(state, expectedSize, new FileInfo(PartialPath).Length) ? state : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Replaces the state file in one step; the data it describes must already be written.</summary>
    public void SaveState(StagingState state) => AtomicFile.WriteAllText(StatePath, JsonSerializer.Serialize(state, StateFormat));

    /// <summary>Removes the data and its state (a failed verification, or nothing a later call could resume).</summary>
    public void Discard()
    {
        TryDelete(PartialPath);
        TryDelete(StatePath);
    }

    /// <summary>Removes the staging folder when nothing is left in it (another download's files keep it).</summary>
    public void RemoveFolderIfEmpty()
    {
        try
        {
            if (Directory.Exists(Folder) && !Directory.EnumerateFileSystemEntries(Folder).Any())
            {
                Directory.Delete(Folder);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Another download put a file there in the meantime: the folder is still in use.
        }
    }

    private static bool IsConsistent(StagingState state, long? expectedSize, long dataLength)
    {
        if (state.Version != StagingState.CurrentVersion || state.Parts.Count == 0 || (expectedSize is { } size && state.TotalSize != size))
        {
            return false;
        }

        long next = 0;
        foreach (var part in state.Parts.OrderBy(p => p.From))
        {
            var length = part.To - part.From + 1;
            if (part.From != next || part.Done < 0 || part.Done > length || part.Next > dataLength || (part.To is null && state.TotalSize is not null))
            {
                return false;
            }

            next = part.To + 1 ?? long.MaxValue;
        }

        return state.TotalSize is not { } total || next == total;
    }

    private static string ComparablePath(string path) =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? path.ToUpperInvariant() : path;

    private static string Digest(string text)
    {
        using var sha256 = SHA256.Create();
        var hash = sha256.ComputeHash(Encoding.UTF8.GetBytes(text));
        return string.Concat(hash.Take(16).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: what remains is only a stale staging file.
        }
    }
}
