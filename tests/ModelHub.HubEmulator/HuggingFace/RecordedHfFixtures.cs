using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// The recorded Hugging Face responses (fixtures/hf), parsed: full model infos, expand-only infos, trees,
/// renames, the resolve facts, the gated repos the error messages name, and the Xet read-token example.
/// </summary>
internal sealed partial class RecordedHfFixtures
{
    public const string Folder = "hf";

    private RecordedHfFixtures()
    {
    }

    /// <summary>Full model infos (model-info-*.json without expand), in file-name order.</summary>
    public IReadOnlyList<JsonObject> ModelInfos { get; private init; } = [];

    /// <summary>Expand responses (model-info-expand-*.json): {_id, id, …expanded keys}.</summary>
    public IReadOnlyList<JsonObject> Expansions { get; private init; } = [];

    /// <summary>Tree listings by repo id: entries of one commit (tree-*.json; with lastCommit when recorded with expand=true).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<JsonArray>> Trees { get; private init; } = new Dictionary<string, IReadOnlyList<JsonArray>>();

    /// <summary>Renamed repos: former id → current id (redirect-307-renamed-*.headers.txt).</summary>
    public IReadOnlyDictionary<string, string> Renames { get; private init; } = new Dictionary<string, string>();

    /// <summary>Resolve URLs asserted against the live Hub (resolve-facts-*.json).</summary>
    public IReadOnlyList<Uri> ResolveUrls { get; private init; } = [];

    /// <summary>Repos the recorded gated-access messages name.</summary>
    public IReadOnlySet<string> GatedRepos { get; private init; } = new HashSet<string>();

    /// <summary>The documented xet-read-token response, or null.</summary>
    public JsonObject? XetReadToken { get; private init; }

    public static RecordedHfFixtures Empty { get; } = new();

    public static RecordedHfFixtures Load(RecordedResponses recorded)
    {
        if (!recorded.IsAvailable || !Directory.Exists(Path.Combine(recorded.Folder!, Folder)))
        {
            return Empty;
        }

        var folder = Path.Combine(recorded.Folder!, Folder);
        JsonObject Object(string file) => JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var infos = Files(folder, "model-info-*.json").Select(Object).ToList();
        return new RecordedHfFixtures
        {
            ModelInfos = infos.Where(info => info.ContainsKey("siblings")).ToList(),
            Expansions = infos.Where(info => !info.ContainsKey("siblings")).ToList(),
            Trees = Files(folder, "tree-*.json")
                .GroupBy(file => TreeRepo(Path.GetFileName(file)))
                .ToDictionary(group => group.Key, group => (IReadOnlyList<JsonArray>)group.Select(file => JsonNode.Parse(File.ReadAllText(file))!.AsArray()).ToList()),
            Renames = Files(folder, "redirect-307-renamed-*.headers.txt").Select(File.ReadAllText).Select(Rename).ToDictionary(pair => pair.From, pair => pair.To),
            ResolveUrls = Files(folder, "resolve-facts-*.json")
                .SelectMany(file => Object(file)["cases"]!.AsArray())
                .Select(entry => new Uri(entry!["url"]!.GetValue<string>()))
                .ToList(),
            GatedRepos = Files(folder, "error-gated-messages.txt")
                .SelectMany(file => GatedMessage().Matches(File.ReadAllText(file)))
                .Select(match => match.Groups["repo"].Value)
                .ToHashSet(),
            XetReadToken = Files(folder, "docs-example-xet-read-token.json").Select(Object).FirstOrDefault(),
        };
    }

    /// <summary>An expand response without its _id and id: the expanded keys.</summary>
    public static JsonObject ExpandedKeys(JsonObject expansion)
    {
        var keys = new JsonObject();
        foreach (var (key, value) in expansion.Where(pair => pair.Key is not ("_id" or "id")))
        {
            keys[key] = value?.DeepClone();
        }

        return keys;
    }

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal);

    /// <summary>"tree-expand-google-bert--bert-base-uncased@dd4bc8b2.json" → "google-bert/bert-base-uncased".</summary>
    private static string TreeRepo(string fileName)
    {
        var match = TreeFileName().Match(fileName);
        return match.Groups["owner"].Value + "/" + match.Groups["name"].Value;
    }

    private static (string From, string To) Rename(string headers)
    {
        var request = RecordedRequest().Match(headers);
        var location = RecordedLocation().Match(headers);
        return (request.Groups["repo"].Value, location.Groups["repo"].Value.Trim());
    }

    [GeneratedRegex(@"^tree-(?:expand-)?(?<owner>.+?)--(?<name>.+)@[0-9a-f]+\.json$")]
    private static partial Regex TreeFileName();

    [GeneratedRegex(@"^# REQUEST: GET https?://[^/]+/api/models/(?<repo>\S+?)/?$", RegexOptions.Multiline)]
    private static partial Regex RecordedRequest();

    [GeneratedRegex(@"^Location: /api/models/(?<repo>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RecordedLocation();

    [GeneratedRegex(@"^Access to model (?<repo>\S+) is restricted", RegexOptions.Multiline)]
    private static partial Regex GatedMessage();
}
