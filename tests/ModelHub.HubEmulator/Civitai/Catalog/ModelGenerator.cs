using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using ModelHub.HubEmulator.Generation;
using V = ModelHub.HubEmulator.Civitai.Catalog.GeneratorVocabulary;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>Turns a <see cref="ModelPlan"/> into a model with versions, files and images, deterministically.</summary>
internal sealed class ModelGenerator
{
    /// <summary>Modern models' newest versions come out between these dates (fixed, so the catalogue never changes).</summary>
    private static readonly (DateTimeOffset From, int Days) ModernNewest = (new DateTimeOffset(2023, 9, 1, 0, 0, 0, TimeSpan.Zero), 1155);

    /// <summary>2023-shaped models' newest versions: December 2022 to June 2023, as the wiki samples.</summary>
    private static readonly (DateTimeOffset From, int Days) LegacyNewest = (new DateTimeOffset(2022, 12, 1, 0, 0, 0, TimeSpan.Zero), 210);

    private static readonly IReadOnlyList<string> ImageModelBases = ["SD 1.5", "SDXL 1.0", "Pony", "Illustrious", "Flux.1 D", "NoobAI", "SD 3.5", "Flux.1 S"];
    private static readonly IReadOnlyList<int> ImageModelWeights = [25, 25, 15, 15, 12, 4, 2, 2];
    private static readonly IReadOnlyList<string> LegacyBases = ["SD 1.5", "SD 2.1", "SD 1.4", "SD 2.0"];
    private static readonly IReadOnlyList<int> LegacyWeights = [70, 15, 10, 5];

    private static readonly IReadOnlyList<IReadOnlyList<string>> CommercialUses =
    [
        ["Image", "RentCivit", "Rent", "Sell"], ["Image", "RentCivit"], ["Image"], ["None"], ["RentCivit", "Rent"], ["Image", "Sell"],
    ];

    private readonly ulong _seed;
    private readonly IReadOnlyList<CatalogCreator> _creators;
    private readonly CatalogReferences _references;
    private readonly DateTimeOffset _earlyAccessEnds;

    /// <param name="earlyAccessEnds">When early access ends: it must lie ahead of the clock, so it is the one date not fixed by the seed.</param>
    public ModelGenerator(ulong seed, IReadOnlyList<CatalogCreator> creators, CatalogReferences references, DateTimeOffset earlyAccessEnds)
    {
        _seed = seed;
        _creators = creators;
        _references = references;
        _earlyAccessEnds = earlyAccessEnds;
    }

    public GeneratedModel Generate(ModelPlan plan)
    {
        var random = new SeededRandom(_seed, "civitai-model", plan.Stream);
        var legacy = plan.Era == WireEra.Legacy2023;
        var name = plan.Name ?? ModelNames.ModelName(plan.Type, random);
        var family = plan.BaseModel ?? BaseModelFor(plan, random);
        var creator = Creators.Pick(_creators, random);
        var trigger = ModelNames.TriggerWord(name, random);
        var versionCount = plan.VersionCount ?? 1 + random.Weighted([40, 25, 17, 10, 8]);
        var imageCounts = Enumerable.Range(0, versionCount).Select(version => version > 0 && random.Chance(0.08) ? 0 : random.Between(1, 4)).ToArray();

        // The newest version shows every flag of the model's level, so the model's level is the OR of its images'.
        imageCounts[0] = Math.Max(imageCounts[0], BitOperations.PopCount((uint)plan.NsfwLevel));
        var levels = SampleImages.Levels(plan.NsfwLevel, imageCounts, random);
        var thumbsUp = random.LogUniform(plan.ThumbsUp.Min, plan.ThumbsUp.Max);
        var downloads = thumbsUp * random.Between(5, 40);

        // The newest version first (index 0), each older one 5 to 90 days before the next.
        var (from, days) = legacy ? LegacyNewest : ModernNewest;
        var created = new DateTimeOffset[versionCount];
        for (var index = 0; index < versionCount; index++)
        {
            created[index] = index == 0
                ? from.AddDays(random.Between(0, days)).AddSeconds(random.Between(0, 86_399)).AddMilliseconds(random.Between(0, 999))
                : created[index - 1].AddDays(-random.Between(5, 90)).AddMinutes(-random.Between(0, 1439));
        }

        var model = new ModelDraft(plan, name, family, creator.Username, trigger, thumbsUp, downloads);
        var versions = Enumerable.Range(0, versionCount).Select(index => Version(model, index, versionCount, created[index], levels[index], random)).ToList();
        return new GeneratedModel(versions)
        {
            Id = plan.Ids.Model,
            Name = name,
            Type = plan.Type,
            Era = plan.Era,
            Description = random.Chance(0.1) && !legacy ? null : Description(name, plan.Type, family, trigger, random),
            Username = creator.Username,
            Creator = creator,
            Tags = Tags(plan, random),
            NsfwLevel = plan.NsfwLevel,
            Metrics = new ModelMetrics(downloads, thumbsUp, thumbsUp / random.Between(20, 100), thumbsUp * random.Between(1, 4) / 2, imageCounts.Sum()),
            CommercialUse = random.Pick(CommercialUses),
            AllowNoCredit = random.Chance(0.7),
            AllowDerivatives = random.Chance(0.8),
            AllowDifferentLicense = random.Chance(0.6),
            Poi = plan.Poi,
            SfwOnly = plan.IsNewcomerSafe && random.Chance(0.05),
            SupportsGeneration = random.Chance(0.6),
            Archived = plan.Restriction == ModelRestriction.Archived,
            ThumbsDown = thumbsUp / random.Between(50, 500),
            TippedAmount = random.Chance(0.5) ? random.Between(0, 2000) : 0,
            Favorites = thumbsUp * random.Between(8, 15) / 10,
            Rating = Math.Round(4 + random.NextDouble(), 2),
            RatingCount = Math.Max(1, thumbsUp / random.Between(40, 200)),
            NsfwAsText = legacy && random.Chance(0.3),
        };
    }

    /// <summary>Version <paramref name="index"/> (0 the newest): half the model's downloads and likes go to the newest.</summary>
    private GeneratedVersion Version(ModelDraft model, int index, int versionCount, DateTimeOffset createdAt, IReadOnlyList<int> imageLevels, SeededRandom random)
    {
        var plan = model.Plan;
        var legacy = plan.Era == WireEra.Legacy2023;
        var versionName = V.VersionNames[Math.Min(versionCount - 1 - index, V.VersionNames.Count - 1)];
        var baseModel = index > 0 && random.Chance(0.2) ? BaseModelFor(plan, random) : model.Family;
        var delay = TimeSpan.FromMinutes(random.Between(5, 90)) + TimeSpan.FromMilliseconds(random.Between(0, 999));

        // 2023 records show no publishedAt: they were published when created.
        var publishedAt = legacy ? createdAt : createdAt + delay;
        var versionId = plan.Ids.Version(index);
        var share = index == 0 ? 0.5 : 0.5 / versionCount;
        var files = VersionFiles.Generate(new VersionFiles.Request(plan, model.Name, versionName, index, baseModel, model.TriggerWord, createdAt, _seed), random);
        var images = SampleImages.Generate(
            new SampleImages.Request(plan, index, versionId, versionName, baseModel, model.TriggerWord, model.Username, publishedAt, imageLevels, _references, _seed), random);
        return new GeneratedVersion
        {
            Id = versionId,
            ModelId = plan.Ids.Model,
            Index = index,
            Name = versionName,
            BaseModel = baseModel,
            BaseModelType = plan.Type == "Checkpoint" && random.Chance(0.05) ? "Inpainting" : random.Chance(0.1) ? null : "Standard",
            CreatedAt = createdAt,
            PublishedAt = publishedAt,
            UpdatedAt = publishedAt.AddMinutes(random.Between(0, 600)).AddMilliseconds(random.Between(0, 999)),
            TrainedWords = TrainedWords(plan.Type, model.TriggerWord, random),
            Description = legacy || random.Chance(0.5) ? $"<p>{versionName}: {random.Pick(V.PromptQualities)}, trained on {baseModel}.</p>" : null,
            NsfwLevel = imageLevels.Aggregate(0, (level, flag) => level | flag),
            Downloads = (long)(model.Downloads * share),
            ThumbsUp = (long)(model.ThumbsUp * share),
            ThumbsDown = random.Between(0, 5),
            Rating = Math.Round(4 + random.NextDouble(), 2),
            RatingCount = Math.Max(1, (long)(model.ThumbsUp * share) / random.Between(40, 200)),
            Images = images,
            Files = files,
            UploadType = plan.Type == "LORA" && random.Chance(0.1) ? "Trained" : "Created",
            Air = ModelNames.Air(baseModel, plan.Type, plan.Ids.Model, versionId),
            Access = new AccessRules(
                plan.Restriction == ModelRestriction.Archived,
                plan.Poi,
                plan.Restriction == ModelRestriction.DownloadsDisabled ? "Generation" : AccessRules.Download,
                plan.Restriction == ModelRestriction.LoginRequired,
                plan.Restriction == ModelRestriction.EarlyAccess && index == 0 ? _earlyAccessEnds.AddHours(plan.Ids.Model % 24) : null),
        };
    }

    private static string BaseModelFor(ModelPlan plan, SeededRandom random) => plan.Type switch
    {
        _ when plan.Era == WireEra.Legacy2023 => LegacyBases[random.Weighted(LegacyWeights)],
        "VAE" or "Controlnet" => random.Pick(["SD 1.5", "SDXL 1.0", "Flux.1 D"]),
        "Upscaler" => random.Pick(["Other", "SD 1.5", "SDXL 1.0"]),
        "MotionModule" => random.Pick(["SD 1.5", "SDXL 1.0"]),
        "Other" => random.Pick(["Other", "SDXL 1.0", "Wan Video 14B t2v", "Hunyuan Video"]),
        _ => ImageModelBases[random.Weighted(ImageModelWeights)],
    };

    private static IReadOnlyList<string> TrainedWords(string type, string trigger, SeededRandom random) => type switch
    {
        "LORA" or "LoCon" or "DoRA" => random.Chance(0.3) ? [trigger, trigger + " style"] : [trigger],
        "TextualInversion" => [trigger],
        _ => [],
    };

    private static IReadOnlyList<string> Tags(ModelPlan plan, SeededRandom random)
    {
        var tags = new List<string>();
        if (plan.Type == "Checkpoint")
        {
            tags.Add("base model");
        }

        var count = random.Between(2, 5);
        while (tags.Count < count)
        {
            var tag = random.Pick(V.Tags);
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    private static string Description(string name, string type, string baseModel, string trigger, SeededRandom random) =>
        $"<p><strong>{name}</strong> is a {type} for {baseModel}.</p><p>Trigger word: <strong>{trigger}</strong>. " +
        $"Recommended weight {random.Pick(["0.6", "0.8", "1.0"])}, {random.Pick(V.PromptQualities)}.</p>";

    /// <summary>What a model's versions share.</summary>
    private sealed record ModelDraft(ModelPlan Plan, string Name, string Family, string Username, string TriggerWord, long ThumbsUp, long Downloads);
}
