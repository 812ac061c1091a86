using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>Every repository the Hugging Face origin serves: the recorded ones and the generated ones, and the renames.</summary>
internal sealed class HfCatalog
{
    private readonly Dictionary<string, HfRepo> _byId;
    private readonly Dictionary<string, string> _renames;

    public HfCatalog(EmulatorServices services)
    {
        var seed = services.Options.Seed;
        var fixtures = RecordedHfFixtures.Load(services.Recorded);
        var planner = new GeneratedRepoPlanner(seed);
        var recordedIds = fixtures.ModelInfos.Select(info => info["id"]!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Repos recorded only through an expand response are generated around their recorded _id and expansions.
        var expandOnly = fixtures.Expansions
            .Where(expansion => !recordedIds.Contains(expansion["id"]!.GetValue<string>()))
            .Select(expansion => planner.PlanRecorded(
                expansion["id"]!.GetValue<string>(),
                expansion["_id"]!.GetValue<string>(),
                fixtures.GatedRepos.Contains(expansion["id"]!.GetValue<string>()) ? "auto" : null,
                RecordedHfFixtures.ExpandedKeys(expansion)));

        Repos = new RecordedRepos(fixtures, seed, services.Files).Build()
            .Concat(planner.Plan(services.Options.CatalogSize).Concat(expandOnly).Select(plan => Generated(plan, seed, services)))
            .ToList();
        _byId = Repos.ToDictionary(repo => repo.Id, StringComparer.OrdinalIgnoreCase);
        _renames = new Dictionary<string, string>(fixtures.Renames, StringComparer.OrdinalIgnoreCase)
        {
            [HfRepoIds.RenamedFrom] = HfRepoIds.Renamed,
        };
        XetReadTokenExample = fixtures.XetReadToken;
    }

    public IReadOnlyList<HfRepo> Repos { get; }

    /// <summary>The documented xet-read-token response, when the recordings are available.</summary>
    public JsonObject? XetReadTokenExample { get; }

    /// <summary>A repository by id; ids are case-insensitive on the Hub.</summary>
    public HfRepo? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The current id of a renamed repository, or null.</summary>
    public string? RenamedTo(string id) => _renames.GetValueOrDefault(id);

    private static HfRepo Generated(GeneratedRepoPlan plan, ulong seed, EmulatorServices services) =>
        new(() => GeneratedRepoContent.Build(plan, seed), services.Files)
        {
            Id = plan.Id,
            ObjectId = plan.ObjectId,
            Private = plan.Private,
            Gated = plan.Gated,
            Disabled = plan.Disabled,
            Downloads = plan.Downloads,
            DownloadsAllTime = plan.Downloads * 7,
            Likes = plan.Likes,
            TrendingScore = plan.TrendingScore,
            CreatedAt = plan.CreatedAt,
            LastModified = plan.LastModified,
            PipelineTag = GeneratedCard.PipelineTag,
            LibraryName = GeneratedCard.Library,
            Tags = GeneratedCard.Tags(plan),
            RecordedExpansions = plan.RecordedExpansions,
        };
}
