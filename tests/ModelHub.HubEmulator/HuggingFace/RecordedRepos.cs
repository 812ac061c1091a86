using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Content;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// The recorded repositories as catalogue entries. Their model info is served as recorded; their files (the
/// siblings) are generated, so hashes and sizes follow the bytes served; their history is rebuilt from what the
/// recordings show (a tree's lastCommit ids, resolve URLs pinned to commits, the recorded head sha).
/// </summary>
internal sealed class RecordedRepos
{
    /// <summary>Recorded files above this are served smaller.</summary>
    private const long LargestServed = 32L * 1024 * 1024;

    private readonly RecordedHfFixtures _fixtures;
    private readonly ulong _seed;
    private readonly FileRegistry _files;

    public RecordedRepos(RecordedHfFixtures fixtures, ulong seed, FileRegistry files)
    {
        _fixtures = fixtures;
        _seed = seed;
        _files = files;
    }

    public IEnumerable<HfRepo> Build()
    {
        foreach (var info in _fixtures.ModelInfos)
        {
            var id = info["id"]!.GetValue<string>();
            var expansions = _fixtures.Expansions.FirstOrDefault(expansion => expansion["id"]!.GetValue<string>() == id);
            yield return Repo(info, expansions);
        }
    }

    /// <summary>The size a recorded file is served at: as recorded up to 32 MiB, else 1/256 of it (at least 64 KiB, at most 32 MiB).</summary>
    public static long ServedSize(long recorded) =>
        recorded <= LargestServed ? recorded : Math.Clamp(recorded / 256, 64 * 1024, LargestServed);

    private HfRepo Repo(JsonObject info, JsonObject? expansions)
    {
        var id = info["id"]!.GetValue<string>();
        var gated = info["gated"] is JsonValue gate && gate.TryGetValue<string>(out var mode) ? mode : null;
        var likes = info["likes"]!.GetValue<long>();
        var isPrivate = info["private"]?.GetValue<bool>() ?? false;
        return new HfRepo(() => Content(info), _files)
        {
            Id = id,
            ObjectId = info["_id"]!.GetValue<string>(),
            Private = isPrivate,
            Gated = gated,
            Disabled = info["disabled"]?.GetValue<bool>() ?? false,
            Downloads = info["downloads"]!.GetValue<long>(),
            DownloadsAllTime = info["downloads"]!.GetValue<long>() * 12,
            Likes = likes,
            TrendingScore = gated is null && !isPrivate ? (int)Math.Min(likes / 10, 1_000) : 0,
            CreatedAt = HubJson.ParseDate(info["createdAt"]!),
            LastModified = HubJson.ParseDate(info["lastModified"]!),
            PipelineTag = info["pipeline_tag"]?.GetValue<string>(),
            LibraryName = info["library_name"]?.GetValue<string>(),
            Tags = info["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()).ToList(),
            Recorded = info,
            RecordedExpansions = expansions is null ? null : RecordedHfFixtures.ExpandedKeys(expansions),
        };
    }

    private HfRepoContent Content(JsonObject info)
    {
        var id = info["id"]!.GetValue<string>();
        var author = info["author"]?.GetValue<string>() ?? id[..id.IndexOf('/')];
        var factory = new RepoFileFactory(id, new SeededRandom(_seed, "recorded/" + id));
        var cardData = info["cardData"]?.AsObject().DeepClone().AsObject() ?? new JsonObject();
        var config = info["config"]?.AsObject();
        var trees = _fixtures.Trees.GetValueOrDefault(id) ?? [];
        var recordedSizes = trees.SelectMany(tree => tree).Select(entry => entry!.AsObject())
            .Where(entry => entry["type"]?.GetValue<string>() == "file")
            .DistinctBy(entry => entry["path"]!.GetValue<string>())
            .ToDictionary(entry => entry["path"]!.GetValue<string>(), entry => entry["size"]!.GetValue<long>());

        var files = info["siblings"]!.AsArray()
            .Select(sibling => sibling!["rfilename"]!.GetValue<string>())
            .Select(path => File(factory, path, recordedSizes.TryGetValue(path, out var size) ? size : null, id, cardData, config))
            .ToDictionary(file => file.Path);

        var head = History(id, author, info, files, trees);
        return new HfRepoContent
        {
            Branches = [new HfRef(HfRepoContent.DefaultBranch, "refs/heads/" + HfRepoContent.DefaultBranch, head)],
            CardData = cardData,
            Config = config,
        };
    }

    /// <summary>
    /// The commits: those a recorded tree names as its files' lastCommit (each adding its files), then commits
    /// recorded resolve URLs are pinned to (each adding that file), then the recorded head adding the rest.
    /// Without a recorded tree: an initial commit with .gitattributes, then the head.
    /// </summary>
    private HfCommit History(string id, string author, JsonObject info, Dictionary<string, HfFile> files, IReadOnlyList<JsonArray> trees)
    {
        var created = HubJson.ParseDate(info["createdAt"]!);
        var modified = HubJson.ParseDate(info["lastModified"]!);
        var recordedCommits = trees.SelectMany(tree => tree).Select(entry => entry!.AsObject())
            .Where(entry => entry["lastCommit"] is not null && files.ContainsKey(entry["path"]!.GetValue<string>()))
            .GroupBy(entry => entry["lastCommit"]!["id"]!.GetValue<string>())
            .Select(group => (
                Id: group.Key,
                Title: group.First()["lastCommit"]!["title"]!.GetValue<string>(),
                Date: HubJson.ParseDate(group.First()["lastCommit"]!["date"]!),
                Paths: group.Select(entry => entry["path"]!.GetValue<string>()).ToList()))
            // Git's first commit holds .gitattributes on the Hub: it goes first among commits of the same second.
            .OrderBy(commit => commit.Date).ThenBy(commit => commit.Paths.Contains(".gitattributes") ? 0 : 1)
            .ToList();
        if (recordedCommits.Count == 0)
        {
            recordedCommits.Add((GitObjects.CommitId(id, "initial"), "initial commit", created, files.ContainsKey(".gitattributes") ? [".gitattributes"] : []));
        }

        var pinned = _fixtures.ResolveUrls
            .Select(url => PinnedFile(url, id))
            .Where(pin => pin is { } found && files.ContainsKey(found.Path) && recordedCommits.All(commit => commit.Id != found.Commit) && found.Commit != info["sha"]!.GetValue<string>())
            .Select(pin => pin!.Value)
            .DistinctBy(pin => pin.Commit)
            .ToList();
        var last = recordedCommits[^1].Date;
        for (var i = 0; i < pinned.Count; i++)
        {
            var date = last + ((modified - last) * (i + 1) / (pinned.Count + 1));
            recordedCommits.Add((pinned[i].Commit, $"Upload {pinned[i].Path}", date, [pinned[i].Path]));
        }

        var added = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<HfFile> Adding(IEnumerable<string> paths) => paths.Where(added.Add).Select(path => files[path]);

        var first = recordedCommits[0];
        var commit = HfCommit.Initial(first.Id, first.Title, first.Date, author, Adding(first.Paths).ToList());
        foreach (var next in recordedCommits.Skip(1))
        {
            commit = commit.Then(next.Id, next.Title, next.Date, Adding(next.Paths).ToList());
        }

        return commit.Then(info["sha"]!.GetValue<string>(), "Upload folder using huggingface_hub", modified, Adding(files.Keys).ToList());
    }

    /// <summary>"https://huggingface.co/{repo}/resolve/{40-hex}/{path}" of this repo → (commit, path).</summary>
    private static (string Commit, string Path)? PinnedFile(Uri url, string repoId)
    {
        var prefix = "/" + repoId + "/resolve/";
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[prefix.Length..];
        var slash = rest.IndexOf('/');
        return slash == 40 ? (rest[..slash], rest[(slash + 1)..]) : null;
    }

    private static HfFile File(RepoFileFactory factory, string path, long? recordedSize, string repoId, JsonObject cardData, JsonObject? config)
    {
        var layout = RepoFileKinds.LayoutFor(path);
        if (layout == FileLayout.Text)
        {
            return factory.Text(path, RecordedFileText.For(path, repoId, cardData, config));
        }

        return factory.Binary(path, recordedSize is { } size ? ServedSize(size) : factory.SizeMiB(1, 4));
    }
}
