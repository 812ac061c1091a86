using System;
using System.Collections.Generic;
using System.Globalization;
using ModelHub.HubEmulator.Generation;
using V = ModelHub.HubEmulator.Civitai.Catalog.GeneratorVocabulary;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>The generated creators: one for about every six models, a few prolific, most with an avatar.</summary>
internal static class Creators
{
    public static IReadOnlyList<CatalogCreator> Generate(ulong seed, int modelCount)
    {
        var count = Math.Max(8, modelCount / 6);
        var creators = new List<CatalogCreator>(count);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            var random = new SeededRandom(seed, "civitai-creator", i);
            var stem = random.Pick(V.CreatorFirstParts) + random.Pick(["", "_", ""]) + random.Pick(V.CreatorSecondParts);
            var name = random.Chance(0.4) ? stem + random.Between(1, 999).ToString(CultureInfo.InvariantCulture) : stem;
            while (!taken.Add(name))
            {
                name = stem + random.Between(1, 9999).ToString(CultureInfo.InvariantCulture);
            }

            // Civitai shows avatars 96 px wide.
            var avatar = random.Chance(0.7) ? new LazyImageFile("civitai/avatars/" + i.ToString(CultureInfo.InvariantCulture), 96, 96, SeededRandom.Derive(seed, "civitai-avatar", i)) : null;
            creators.Add(new CatalogCreator(name, avatar));
        }

        return creators;
    }

    /// <summary>A creator for a model: the first ones are picked far more often.</summary>
    public static CatalogCreator Pick(IReadOnlyList<CatalogCreator> creators, SeededRandom random)
    {
        var draw = random.NextDouble();
        return creators[(int)(creators.Count * draw * draw)];
    }
}
