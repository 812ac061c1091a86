using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Content;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>Plans the generated repositories: the documented ones first, then drawn ones, all from the seed.</summary>
internal sealed class GeneratedRepoPlanner
{
    private static readonly string[] Authors =
    [
        "lumen-labs", "pixel-foundry", "dreamforge", "stillwater-ai", "northlight", "kiln-studio", "oakmoss",
        "paper-crane", "saltmarsh", "vantablack-ai", "cinder-works", "tidepool", "quartz-lab", "fernweh", "glasshouse",
        "mireille", "kenji-s", "ada-lovelace-fan", "tomasz-k", "sunhee",
    ];

    private static readonly string[] Adjectives =
    [
        "misty", "amber", "neon", "quiet", "velvet", "crimson", "gilded", "frosted", "hazy", "lucid", "rustic", "silver",
        "twilight", "vivid", "woven", "azure", "brisk", "cobalt", "dusky", "ember", "feral", "golden", "hollow", "ivory",
    ];

    private static readonly string[] Nouns =
    [
        "harbor", "forest", "lantern", "meadow", "origami", "pixel", "portrait", "ruins", "skyline", "tapestry",
        "watercolor", "anime", "sketch", "inkwash", "cyberpunk", "bloom", "canyon", "dune", "glacier", "kimono",
        "lighthouse", "mosaic", "nebula", "orchard",
    ];

    private static readonly string[] Licenses = ["openrail++", "creativeml-openrail-m", "apache-2.0", "mit", "other", "cc-by-nc-4.0"];

    private static readonly DateTimeOffset Newest = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ulong _seed;

    public GeneratedRepoPlanner(ulong seed)
    {
        _seed = seed;
    }

    /// <summary>How a repository ranks in default listings.</summary>
    private enum Audience
    {
        /// <summary>Documented examples: at the top of every default listing, with every kind of commit and ref.</summary>
        Featured,

        Drawn,

        /// <summary>Restricted, NSFW or huge: unpopular and old, so never on the first page of a default listing.</summary>
        Hidden,
    }

    public IReadOnlyList<GeneratedRepoPlan> Plan(int catalogSize)
    {
        var plans = new List<GeneratedRepoPlan>
        {
            Draw(0, Audience.Featured, HfRepoIds.ExamplePipeline, GeneratedKind.Pipeline),
            Draw(1, Audience.Featured, HfRepoIds.ExampleCheckpoint, GeneratedKind.Checkpoint),
            Draw(2, Audience.Featured, HfRepoIds.ExampleLora, GeneratedKind.Lora) with { DefaultLoraName = true },
            Draw(3, Audience.Featured, HfRepoIds.ExampleNamedLora, GeneratedKind.Lora) with { DefaultLoraName = false },
            Draw(4, Audience.Featured, HfRepoIds.Renamed, GeneratedKind.Lora),
            Draw(5, Audience.Hidden, HfRepoIds.GatedAuto, GeneratedKind.Checkpoint) with { Gated = "auto" },
            Draw(6, Audience.Hidden, HfRepoIds.GatedManual, GeneratedKind.Pipeline) with { Gated = "manual" },
            Draw(7, Audience.Hidden, HfRepoIds.Private, GeneratedKind.Lora) with { Private = true },
            Draw(8, Audience.Hidden, HfRepoIds.Nsfw, GeneratedKind.Lora) with { Nsfw = true },
            Huge(Draw(9, Audience.Hidden, HfRepoIds.Benchmark, GeneratedKind.Checkpoint), HfRepoIds.BenchmarkFileSize),
            Draw(10, Audience.Hidden, HfRepoIds.Disabled, GeneratedKind.Checkpoint) with { Disabled = true },
            Huge(Draw(11, Audience.Hidden, HfRepoIds.Oversized, GeneratedKind.Checkpoint), OversizedFile.Size) with { PrimaryWeightsHashes = OversizedFile.Hashes },
        };

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var plan in plans)
        {
            taken.Add(plan.Id);
        }

        for (var index = plans.Count; index < catalogSize; index++)
        {
            var plan = Draw(index, Audience.Drawn, null, null);
            var id = plan.Id;
            for (var copy = 2; !taken.Add(id); copy++)
            {
                id = $"{plan.Id}-{copy}";
            }

            plans.Add(plan with { Id = id });
        }

        return plans;
    }

    /// <summary>
    /// A pipeline repository standing for a repo the recordings know only by an expand response: popular like the
    /// real one, unless gated (restricted repos stay off the first page of default listings).
    /// </summary>
    public GeneratedRepoPlan PlanRecorded(string id, string objectId, string? gated, JsonObject expansions) =>
        Draw(-1, gated is null ? Audience.Featured : Audience.Hidden, id, GeneratedKind.Pipeline) with
        {
            ObjectId = objectId,
            Base = BaseModel.All.FirstOrDefault(baseModel => baseModel.Id == id) ?? BaseModel.All[0],
            Gated = gated,
            HasBaseModel = false,
            Nsfw = false,
            RecordedExpansions = expansions,
        };

    private GeneratedRepoPlan Draw(int index, Audience audience, string? id, GeneratedKind? kind)
    {
        var random = new SeededRandom(_seed, id ?? "repo/" + index);
        var drawnKind = kind ?? random.Pick([GeneratedKind.Lora, GeneratedKind.Lora, GeneratedKind.Lora, GeneratedKind.Checkpoint, GeneratedKind.Checkpoint, GeneratedKind.Pipeline]);
        var baseModel = random.Pick(BaseModel.All);
        var restricted = random.Between(0, 99);
        var (gated, nsfw) = audience == Audience.Drawn
            ? (restricted < 3 ? "auto" : restricted < 5 ? "manual" : null, restricted is >= 5 and < 11)
            : ((string?)null, false);
        var hidden = audience == Audience.Hidden || gated is not null || nsfw;
        var created = hidden
            ? Between(random, new DateTimeOffset(2022, 9, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 5, 1, 0, 0, 0, TimeSpan.Zero))
            : Between(random, new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var dates = new List<DateTimeOffset> { created, created.AddMinutes(random.Between(1, 89)) };
        dates.Add(dates[^1].AddDays(random.Between(1, 89)).AddMinutes(random.Between(0, 1439)));
        var fullHistory = audience == Audience.Featured;
        if (fullHistory || random.Chance(0.5))
        {
            dates.Add(dates[^1].AddDays(random.Between(1, 119)).AddMinutes(random.Between(0, 1439)));
        }

        var downloads = audience switch
        {
            Audience.Featured => random.Between(500_000, 1_999_999),
            _ when hidden => random.Between(0, 39),
            _ => (long)Math.Exp(random.Between(200, 1249) / 100.0),
        };
        var second = random.Pick(BaseModel.All);
        var drawnId = id ?? $"{random.Pick(Authors)}/{random.Pick(Adjectives)}-{random.Pick(Nouns)}-{baseModel.Suffix}{KindSuffix(drawnKind)}";
        return new GeneratedRepoPlan
        {
            Id = drawnId,
            ObjectId = GitObjects.ObjectId(created, random),
            Kind = drawnKind,
            Base = baseModel,
            SecondBase = random.Chance(0.2) && second != baseModel ? second : null,
            HasBaseModel = drawnKind != GeneratedKind.Pipeline || random.Chance(0.5),
            License = random.Pick(Licenses),
            Nsfw = nsfw,
            Gated = gated,
            DefaultLoraName = random.Chance(0.5),
            LargeWeights = !hidden && random.Chance(0.03),
            CommitDates = dates.ConvertAll(date => date > Newest ? Newest : date),
            DevBranch = fullHistory || random.Chance(0.3),
            PullRequest = fullHistory || random.Chance(0.3),
            Downloads = downloads,
            Likes = downloads / random.Between(40, 399),
            TrendingScore = audience switch
            {
                Audience.Featured => random.Between(5_000, 9_999),
                _ when hidden => 0,
                _ => random.Between(1, 999),
            },
        };
    }

    /// <summary>
    /// A repo whose main weights are huge (the benchmark's 2 GiB, the oversized file) keeps one version of them: no weights
    /// update, branch or pull request to hash again.
    /// </summary>
    private static GeneratedRepoPlan Huge(GeneratedRepoPlan plan, long weightsSize) => plan with
    {
        PrimaryWeightsSize = weightsSize,
        LargeWeights = false,
        CommitDates = plan.CommitDates.Take(3).ToList(),
        DevBranch = false,
        PullRequest = false,
    };

    private static string KindSuffix(GeneratedKind kind) => kind switch
    {
        GeneratedKind.Lora => "-lora",
        GeneratedKind.Pipeline => "-diffusers",
        _ => string.Empty,
    };

    private static DateTimeOffset Between(SeededRandom random, DateTimeOffset from, DateTimeOffset to) =>
        from.AddSeconds(random.Between(0, (long)(to - from).TotalSeconds - 1));
}
