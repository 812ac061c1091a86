using System;
using System.Collections.Generic;
using System.Linq;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>
/// Decides every generated model's type, era, NSFW level and restriction, so that the first page (100 models) of
/// each type's default listing, and of the unfiltered one, holds only newcomer-safe models: restricted, POI and
/// NSFW-but-listed models rank last and exist only in types with more than a page of safe models. LoRAs and
/// checkpoints get at least 120 models each (when the catalogue has room), so the documented restricted LoRAs and the
/// benchmark checkpoint sit past their type's first page.
/// </summary>
internal static class CatalogPlanner
{
    private const int FirstPage = 100;
    private const int Margin = 5;

    /// <summary>LoRAs and checkpoints each get at least this many models, at most 40% of the catalogue.</summary>
    private const int MainTypeFloor = 120;

    /// <summary>One model in ten of each type is NSFW and hidden from default listings.</summary>
    private const int HiddenPerTen = 1;

    /// <summary>Percent of the catalogue per type, beyond the floors (LoRAs take what is left).</summary>
    private static readonly (string Type, int Percent)[] MinorTypes =
    [
        ("TextualInversion", 7), ("LoCon", 5), ("DoRA", 3), ("VAE", 3), ("Controlnet", 3), ("Upscaler", 3), ("Hypernetwork", 2),
        ("MotionModule", 3), ("Other", 5),
    ];

    private const int CheckpointPercent = 18;

    /// <summary>NSFW levels of models default listings hide (no PG flag).</summary>
    private static readonly int[] HiddenLevels =
    [
        BrowsingLevel.PG13, BrowsingLevel.R, BrowsingLevel.PG13 | BrowsingLevel.R, BrowsingLevel.X, BrowsingLevel.R | BrowsingLevel.X,
        BrowsingLevel.XXX, BrowsingLevel.R | BrowsingLevel.X | BrowsingLevel.XXX,
    ];

    private static readonly (long, long) SafeThumbsUp = (500, 60_000);
    private static readonly (long, long) LowThumbsUp = (10, 300);

    public static IReadOnlyList<ModelPlan> Plan(ulong seed, int size)
    {
        var types = Shuffle(TypeCounts(size).SelectMany(count => Enumerable.Repeat(count.Type, count.Count)).ToArray(), seed, "civitai-types");
        var hidden = HiddenModels(types, seed);
        var drafts = Enumerable.Range(0, size).Select(index => Draft(seed, index, types[index], hidden.Contains(index))).ToList();
        var allowances = drafts.Select(draft => draft.Safe).Concat(ShowcaseModels.Plans)
            .Where(plan => BrowsingLevel.Shows(BrowsingLevel.Public, plan.NsfwLevel))
            .GroupBy(plan => plan.Type)
            .ToDictionary(
                group => group.Key,
                group => group.Count() - ShowcaseModels.Plans.Count(plan => plan.Type == group.Key && !plan.IsNewcomerSafe) - FirstPage - Margin);

        var plans = new List<ModelPlan>(size + ShowcaseModels.Plans.Count);
        foreach (var draft in drafts)
        {
            var granted = draft.Wished != draft.Safe && allowances.GetValueOrDefault(draft.Safe.Type) > 0;
            if (granted)
            {
                allowances[draft.Safe.Type]--;
            }

            plans.Add(granted ? draft.Wished : draft.Safe);
        }

        plans.AddRange(ShowcaseModels.Plans);
        return plans;
    }

    /// <summary>How many models of each type: checkpoints and LoRAs at least their floor, the minor types shrinking to make room.</summary>
    private static List<(string Type, int Count)> TypeCounts(int size)
    {
        var floor = Math.Min(MainTypeFloor, size * 2 / 5);
        var checkpoints = Math.Max(size * CheckpointPercent / 100, floor);
        var minorTotal = Math.Min(size * MinorTypes.Sum(type => type.Percent) / 100, size - checkpoints - floor);
        var counts = MinorTypes.Select(type => (type.Type, Count: minorTotal * type.Percent / MinorTypes.Sum(minor => minor.Percent))).ToList();
        counts.Add(("Checkpoint", checkpoints));
        counts.Add(("LORA", size - counts.Sum(count => count.Count)));
        return counts;
    }

    /// <summary>The indexes of the hidden NSFW models: one in ten of each type, chosen by the seed.</summary>
    private static HashSet<int> HiddenModels(string[] types, ulong seed) =>
        types.Select((type, index) => (Type: type, Index: index))
            .GroupBy(entry => entry.Type)
            .SelectMany(group =>
            {
                var indexes = Shuffle(group.Select(entry => entry.Index).ToArray(), seed, "civitai-hidden-" + group.Key);
                return indexes.Take(indexes.Length * HiddenPerTen / 10);
            })
            .ToHashSet();

    private static T[] Shuffle<T>(T[] items, ulong seed, string stream)
    {
        var random = new SeededRandom(seed, stream);
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Between(0, i);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }

    /// <summary>A model as it would be safe, and as it wishes to be (restricted, POI or NSFW-but-listed) if its type has room.</summary>
    private static Wish Draft(ulong seed, int index, string type, bool hidden)
    {
        var random = new SeededRandom(seed, "civitai-plan", index);
        var era = random.Chance(0.1) ? WireEra.Legacy2023 : WireEra.Modern;
        var safe = new ModelPlan
        {
            Ids = ModelIds.Generated(index),
            Stream = index,
            Type = type,
            Era = era,
            NsfwLevel = hidden ? random.Pick(HiddenLevels) : random.Chance(0.2) ? BrowsingLevel.Sfw : BrowsingLevel.PG,
            ThumbsUp = SafeThumbsUp,
        };

        // 2023-shaped and hidden models stay unrestricted; about one model in eight wishes for a restriction.
        var wish = hidden || era == WireEra.Legacy2023 ? 0 : random.Weighted([88, 2, 2, 2, 2, 2, 2]);
        var wished = wish switch
        {
            0 => safe,
            1 => safe with { Restriction = ModelRestriction.LoginRequired },
            2 => safe with { Restriction = ModelRestriction.EarlyAccess },
            3 => safe with { Restriction = ModelRestriction.DownloadsDisabled },
            4 => safe with { Restriction = ModelRestriction.Archived },
            5 => safe with { Poi = true },
            _ => safe with { NsfwLevel = BrowsingLevel.PG | random.Pick([BrowsingLevel.R, BrowsingLevel.X]) },
        };
        return new Wish(safe, wish == 0 ? safe : wished with { ThumbsUp = LowThumbsUp });
    }

    private sealed record Wish(ModelPlan Safe, ModelPlan Wished);
}
