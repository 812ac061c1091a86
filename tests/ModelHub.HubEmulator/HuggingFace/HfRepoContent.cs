using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>A repository's history and model card: built on first use, since listings rarely need it.</summary>
internal sealed class HfRepoContent
{
    public const string DefaultBranch = "main";

    public required IReadOnlyList<HfRef> Branches { get; init; }

    public IReadOnlyList<HfRef> Tags { get; init; } = [];

    public IReadOnlyList<HfRef> PullRequests { get; init; } = [];

    /// <summary>The README front matter, parsed: what the API calls cardData.</summary>
    public required JsonObject CardData { get; init; }

    /// <summary>The API's config (diffusers pipelines: the pipeline class); null when the repo has none.</summary>
    public JsonObject? Config { get; init; }

    public HfCommit Head => Branches.First(branch => branch.Name == DefaultBranch).Target;

    /// <summary>
    /// The commit a revision names: HEAD, a branch, a tag or a pull request (short or refs/… form), or a 40-hex
    /// commit id reachable from a ref; null when none.
    /// </summary>
    public HfCommit? Resolve(string revision)
    {
        if (revision == "HEAD")
        {
            return Head;
        }

        var named = Refs().FirstOrDefault(reference => reference.Name == revision || reference.Ref == revision);
        if (named is not null)
        {
            return named.Target;
        }

        return revision.Length == 40
            ? Refs().SelectMany(reference => reference.Target.History()).FirstOrDefault(commit => string.Equals(commit.Id, revision, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    /// <summary>Every distinct file version in the history: what usedStorage adds up.</summary>
    public IEnumerable<HfFile> AllFileVersions() =>
        Refs().SelectMany(reference => reference.Target.History()).Distinct()
            .SelectMany(commit => commit.Files.Values).DistinctBy(file => file.Spec.Key);

    private IEnumerable<HfRef> Refs() => Branches.Concat(Tags).Concat(PullRequests);
}
