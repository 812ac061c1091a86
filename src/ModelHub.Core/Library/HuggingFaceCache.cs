using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using ModelHub.Settings;

namespace ModelHub.Library;

/// <summary>
/// huggingface_hub's cache (../shared/hub-api/hf-api.md § 6): models--org--name/ with refs/&lt;revision&gt; (a commit),
/// snapshots/&lt;commit&gt;/&lt;path&gt; (links to blobs/&lt;etag&gt;, the etag being an LFS file's SHA-256) and blobs/. Each
/// snapshot's model files (or its diffusers pipeline) are listed as installed, with the blob name as their hash.
/// </summary>
internal static class HuggingFaceCache
{
    private const string ModelsPrefix = "models--";

    // FileSystemInfo.LinkTarget exists from .NET 6; this netstandard2.0 assembly finds it at run time.
    private static readonly PropertyInfo? LinkTargetProperty = typeof(FileSystemInfo).GetProperty("LinkTarget");

    /// <summary>HF_HUB_CACHE, else $HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub.</summary>
    public static string Root(SettingsReader settings, IEnvironment environment)
    {
        if (settings.Variable(EnvironmentVariables.HfHubCache) is { } cache)
        {
            return Path.GetFullPath(cache);
        }

        var home = settings.Variable(EnvironmentVariables.HfHome)
            ?? Path.Combine(settings.Variable(EnvironmentVariables.XdgCacheHome) ?? Path.Combine(environment.UserHome, ".cache"), "huggingface");
        return Path.GetFullPath(Path.Combine(home, "hub"));
    }

    /// <summary>Every snapshot's models in the cache at <paramref name="root"/>; none when there is no cache.</summary>
    public static IEnumerable<FoundEntry> Find(string root, Action<string, Exception> unreadable)
    {
        foreach (var repo in Repositories(root))
        {
            var repoId = repo.Name.Substring(ModelsPrefix.Length).Replace("--", "/");
            var refs = Refs(Path.Combine(repo.FullName, "refs"));
            var snapshots = new DirectoryInfo(Path.Combine(repo.FullName, "snapshots"));
            if (!snapshots.Exists)
            {
                continue;
            }

            foreach (var snapshot in snapshots.EnumerateDirectories())
            {
                var known = new Identity
                {
                    By = Identification.HuggingFaceCache,
                    Hub = Hub.HuggingFace,
                    Id = repoId,
                    VersionId = snapshot.Name,
                    Name = repoId.Split('/').Last(),
                    VersionName = refs.TryGetValue(snapshot.Name, out var names) ? string.Join(", ", names) : null,
                };
                IEnumerable<FoundEntry> found;
                try
                {
                    found = ModelFiles.IsDiffusersFolder(snapshot.FullName)
                        ? new[] { Pipeline(snapshot, known) }
                        : Files(snapshot, snapshot, known).ToList();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    unreadable(snapshot.FullName, exception);
                    continue;
                }

                foreach (var entry in found)
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>Commit → repo id for every snapshot in the cache (to name the repo of a --local-dir file).</summary>
    public static IReadOnlyDictionary<string, string> RepositoriesByCommit(string root)
    {
        var repositories = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var repo in Repositories(root))
        {
            var snapshots = new DirectoryInfo(Path.Combine(repo.FullName, "snapshots"));
            foreach (var snapshot in snapshots.Exists ? snapshots.EnumerateDirectories() : Enumerable.Empty<DirectoryInfo>())
            {
                repositories[snapshot.Name] = repo.Name.Substring(ModelsPrefix.Length).Replace("--", "/");
            }
        }

        return repositories;
    }

    /// <summary>The file a link points to (the cache's snapshots link to blobs), or the file itself.</summary>
    public static FileInfo Target(FileInfo file)
    {
        var target = LinkTargetProperty?.GetValue(file) as string;
        return target is null ? file : new FileInfo(Path.GetFullPath(Path.Combine(file.DirectoryName!, target)));
    }

    private static IEnumerable<DirectoryInfo> Repositories(string root)
    {
        var cache = new DirectoryInfo(root);
        return cache.Exists
            ? cache.EnumerateDirectories(ModelsPrefix + "*").OrderBy(repo => repo.Name, StringComparer.Ordinal)
            : Enumerable.Empty<DirectoryInfo>();
    }

    /// <summary>refs/&lt;name&gt; files (refs/pr/1 keeps its slashes), grouped by the commit they hold.</summary>
    private static Dictionary<string, List<string>> Refs(string folder)
    {
        var refs = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        if (!Directory.Exists(folder))
        {
            return refs;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).OrderBy(file => file, StringComparer.Ordinal))
        {
            var commit = File.ReadAllText(file).Trim();
            var name = file.Substring(folder.Length + 1).Replace(Path.DirectorySeparatorChar, '/');
            if (!refs.TryGetValue(commit, out var names))
            {
                refs[commit] = names = new List<string>();
            }

            names.Add(name);
        }

        return refs;
    }

    private static FoundEntry Pipeline(DirectoryInfo snapshot, Identity known)
    {
        var files = snapshot.EnumerateFiles("*", SearchOption.AllDirectories).Select(Target).ToList();
        return new FoundEntry
        {
            Path = snapshot.FullName,
            IsFolder = true,
            Size = files.Where(file => file.Exists).Sum(file => file.Length),
            LastWriteUtc = files.Where(file => file.Exists).Select(file => file.LastWriteTimeUtc).DefaultIfEmpty(snapshot.LastWriteTimeUtc).Max(),
            Known = known,
        };
    }

    private static IEnumerable<FoundEntry> Files(DirectoryInfo snapshot, DirectoryInfo folder, Identity known)
    {
        foreach (var file in folder.EnumerateFiles().Where(file => ModelFiles.IsModelFile(file.Name)))
        {
            var blob = Target(file);
            if (!blob.Exists)
            {
                continue; // A broken link: the blob was deleted (hf cache rm), so the file is not there.
            }

            yield return new FoundEntry
            {
                Path = file.FullName,
                    Size = blob.Length,
                LastWriteUtc = blob.LastWriteTimeUtc,
                Known = known with
                {
                    HubFileName = file.FullName.Substring(snapshot.FullName.Length + 1).Replace(Path.DirectorySeparatorChar, '/'),
                    Sha256 = Hex.IsSha256(blob.Name) ? blob.Name.ToLowerInvariant() : null,
                },
            };
        }

        foreach (var sub in folder.EnumerateDirectories())
        {
            foreach (var entry in Files(snapshot, sub, known))
            {
                yield return entry;
            }
        }
    }
}

/// <summary>
/// huggingface_hub's --local-dir metadata: &lt;dir&gt;/.cache/huggingface/download/&lt;path&gt;.metadata, three lines (commit,
/// etag, unix time), valid while the file is not newer than the time by more than a second.
/// </summary>
internal static class LocalDirMetadata
{
    /// <summary>Where huggingface_hub keeps a local dir's metadata, relative to the dir.</summary>
    public static readonly string DownloadFolder = Path.Combine(".cache", "huggingface", "download");

    /// <summary>The metadata of the file (a pipeline: of its model_index.json) in the nearest local dir that has it.</summary>
    public static Identity? Find(FoundEntry entry, Func<string, string?> repositoryOfCommit)
    {
        var file = entry.IsFolder ? Path.Combine(entry.Path, ModelFiles.DiffusersIndex) : entry.Path;
        foreach (var folder in entry.LocalDirs)
        {
            var relative = file.Substring(folder.Length).TrimStart(Path.DirectorySeparatorChar);
            var metadata = Path.Combine(folder, DownloadFolder, relative + ".metadata");
            if (File.Exists(metadata))
            {
                return Read(metadata, file, entry, repositoryOfCommit, relative);
            }
        }

        return null;
    }

    private static Identity? Read(string metadata, string file, FoundEntry entry, Func<string, string?> repositoryOfCommit, string relative)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(metadata);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (lines.Length < 3 || !double.TryParse(lines[2].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var timestamp))
        {
            return null;
        }

        var modified = (File.GetLastWriteTimeUtc(file) - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
        if (modified - 1 > timestamp)
        {
            return null; // The file changed after it was downloaded: the metadata no longer describes it.
        }

        var commit = lines[0].Trim();
        var etag = lines[1].Trim();
        var repo = repositoryOfCommit(commit);
        return new Identity
        {
            By = Identification.HuggingFaceLocalDir,
            Hub = Hub.HuggingFace,
            Id = repo,
            VersionId = commit,
            Name = repo?.Split('/').Last(),
            HubFileName = entry.IsFolder ? null : relative.Replace(Path.DirectorySeparatorChar, '/'),
            Sha256 = Hex.IsSha256(etag) ? etag.ToLowerInvariant() : null,
            InstalledAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(timestamp * 1000)),
        };
    }
}
