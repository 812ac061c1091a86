using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>One entry of a tree listing: a file, or a folder (File null).</summary>
internal sealed record TreeItem(string Path, HfFile? File);

/// <summary>
/// Tree entries (tree and paths-info): type, oid (git blob id; of the pointer for LFS files), size (the real
/// size), lfs {oid, size, pointerSize}, xetHash, path; with expand also lastCommit and securityFileStatus.
/// </summary>
internal sealed class TreeJson
{
    private readonly FileHasher _hashes;

    public TreeJson(FileHasher hashes)
    {
        _hashes = hashes;
    }

    /// <summary>The entries of a folder ("" for the root) at a commit, folders first; null when there is no such folder.</summary>
    public static IReadOnlyList<TreeItem>? List(HfCommit commit, string folder, bool recursive)
    {
        var prefix = folder.Length == 0 ? string.Empty : folder + "/";
        var below = commit.Files.Values.Where(file => file.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (below.Count == 0)
        {
            return folder.Length == 0 ? [] : null;
        }

        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var files = new List<TreeItem>();
        foreach (var file in below)
        {
            var relative = file.Path[prefix.Length..].Split('/');
            var depth = recursive ? relative.Length - 1 : Math.Min(1, relative.Length - 1);
            for (var level = 1; level <= depth; level++)
            {
                folders.Add(prefix + string.Join('/', relative.Take(level)));
            }

            if (recursive || relative.Length == 1)
            {
                files.Add(new TreeItem(file.Path, file));
            }
        }

        return folders.Select(path => new TreeItem(path, null)).Concat(files).ToList();
    }

    /// <summary>The entries that exist among <paramref name="paths"/> (files or folders), in the order asked.</summary>
    public static IReadOnlyList<TreeItem> Find(HfCommit commit, IEnumerable<string> paths) =>
        paths.Select(path => path.Trim('/')).Distinct().Select(path =>
                commit.Files.TryGetValue(path, out var file) ? new TreeItem(path, file)
                : commit.Files.Keys.Any(key => key.StartsWith(path + "/", StringComparison.Ordinal)) ? new TreeItem(path, null)
                : null)
            .OfType<TreeItem>()
            .ToList();

    public JsonArray Write(HfCommit commit, IReadOnlyList<TreeItem> items, bool expand)
    {
        var files = items.Where(item => item.File is not null).Select(item => item.File!).ToList();
        var hashes = _hashes.GetMany(files.Select(file => file.Spec).ToList());
        var blobs = files.Select((file, i) => (file.Path, Blob: HfBlob.Of(file, hashes[i]))).ToDictionary(pair => pair.Path, pair => pair.Blob);
        return new JsonArray(items.Select(item => (JsonNode)(item.File is { } file
            ? FileEntry(commit, file, blobs[file.Path], expand)
            : FolderEntry(commit, item.Path, expand))).ToArray());
    }

    private static JsonObject FileEntry(HfCommit commit, HfFile file, HfBlob blob, bool expand)
    {
        var entry = new JsonObject { ["type"] = "file", ["oid"] = blob.Oid, ["size"] = blob.Size };
        if (blob.Lfs is { } lfs)
        {
            entry["lfs"] = new JsonObject { ["oid"] = lfs.Sha256, ["size"] = blob.Size, ["pointerSize"] = lfs.PointerSize };
            entry["xetHash"] = lfs.XetHash;
        }

        entry["path"] = file.Path;
        if (expand)
        {
            entry["lastCommit"] = LastCommit(commit, file.Path);
            entry["securityFileStatus"] = SecurityStatus(file);
        }

        return entry;
    }

    private static JsonObject FolderEntry(HfCommit commit, string path, bool expand)
    {
        var keys = commit.Files.Values.Where(file => file.Path.StartsWith(path + "/", StringComparison.Ordinal)).Select(file => file.Spec.Key);
        var entry = new JsonObject { ["type"] = "directory", ["oid"] = GitObjects.FolderOid(path, keys), ["size"] = 0, ["path"] = path };
        if (expand)
        {
            entry["lastCommit"] = LastCommit(commit, path);
        }

        return entry;
    }

    private static JsonObject LastCommit(HfCommit commit, string path)
    {
        var last = commit.LastCommitOf(path);
        return new JsonObject { ["id"] = last.Id, ["title"] = last.Title, ["date"] = WireJson.Date(last.Date) };
    }

    /// <summary>The Hub's scan result: every emulator file is clean; pickles list the imports a torch checkpoint has.</summary>
    private static JsonObject SecurityStatus(HfFile file) => new()
    {
        ["status"] = "safe",
        ["avScan"] = new JsonObject { ["virusFound"] = false, ["virusNames"] = null },
        ["pickleImportScan"] = file.Spec.Layout == FileLayout.Pickle
            ? new JsonObject
            {
                ["highestSafetyLevel"] = "innocuous",
                ["imports"] = new JsonArray(
                    Import("collections", "OrderedDict"),
                    Import("torch", "FloatStorage"),
                    Import("torch._utils", "_rebuild_tensor_v2")),
            }
            : null,
    };

    private static JsonObject Import(string module, string name) => new() { ["module"] = module, ["name"] = name, ["safety"] = "innocuous" };
}
