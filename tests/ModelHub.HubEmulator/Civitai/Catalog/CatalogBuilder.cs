using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>Builds the catalogue (on first use): the planned and generated models, the recorded responses, and the creators and tags of both.</summary>
internal static class CatalogBuilder
{
    public static CivitaiCatalog Build(EmulatorServices services)
    {
        var seed = services.Options.Seed;
        var plans = CatalogPlanner.Plan(seed, services.Options.CatalogSize);
        var references = new CatalogReferences(
            plans.Where(plan => plan.Type == "Checkpoint").Select(plan => plan.Ids.Version(0)).ToList(),
            plans.Where(plan => plan.Type == "LORA").Select(plan => plan.Ids.Version(0)).ToList());
        var creators = Creators.Generate(seed, services.Options.CatalogSize);
        var generator = new ModelGenerator(seed, creators, references, EarlyAccessEnds(services.Time));
        var generated = plans.Select(generator.Generate).ToList();
        var recorded = RecordedCatalog.Load(services.Recorded, seed);

        var catalog = new CivitaiCatalog(
            generated.Concat<CatalogModel>(recorded.Models).ToList(),
            recorded.StandaloneVersions,
            generated.SelectMany(model => model.GeneratedVersions).SelectMany(version => version.Images).Concat<CatalogImage>(recorded.Images).ToList(),
            CreatorItems(generated, creators, recorded),
            TagItems(generated, recorded),
            recorded.EnumsDocument,
            seed);
        foreach (var file in catalog.Files)
        {
            services.Files.Add(file.Spec);
        }

        return catalog;
    }

    /// <summary>Early access ends a week after the day the catalogue was built, so it is always running.</summary>
    private static DateTimeOffset EarlyAccessEnds(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero).AddDays(7);
    }

    /// <summary>Recorded creators first (2023 shape), then the generated ones, most models first.</summary>
    private static List<DirectoryItem> CreatorItems(IReadOnlyList<GeneratedModel> models, IReadOnlyList<CatalogCreator> creators, RecordedCatalog recorded)
    {
        var counts = models.GroupBy(model => model.Creator.Username).ToDictionary(group => group.Key, group => group.Count());
        var items = recorded.Creators.Select(item => new DirectoryItem((string)item["username"]!, context => RecordedRewriter.Rewrite(item, context))).ToList();
        items.AddRange(creators
            .OrderByDescending(creator => counts.GetValueOrDefault(creator.Username))
            .ThenBy(creator => creator.Username, StringComparer.Ordinal)
            .Select(creator => new DirectoryItem(creator.Username, context => CreatorJson(creator, counts.GetValueOrDefault(creator.Username), context))));
        return items;
    }

    /// <summary>modelCount and image are omitted when zero or absent, as the endpoint does.</summary>
    private static JsonObject CreatorJson(CatalogCreator creator, int modelCount, RenderContext context)
    {
        var json = new JsonObject { ["username"] = creator.Username };
        if (modelCount > 0)
        {
            json["modelCount"] = modelCount;
        }

        json["link"] = context.CivitaiUrl("/api/v1/models?username=" + Uri.EscapeDataString(creator.Username));
        if (creator.Avatar is { } avatar)
        {
            json["image"] = context.ImageUrl(avatar, creator.Username + ".jpeg");
        }

        return json;
    }

    /// <summary>Recorded tags first (2023 shape, with modelCount), then the generated catalogue's, most used first.</summary>
    private static List<DirectoryItem> TagItems(IReadOnlyList<GeneratedModel> models, RecordedCatalog recorded)
    {
        var items = recorded.Tags.Select(item => new DirectoryItem((string)item["name"]!, context => RecordedRewriter.Rewrite(item, context))).ToList();
        var known = items.Select(item => item.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        items.AddRange(models.SelectMany(model => model.Tags)
            .GroupBy(tag => tag, StringComparer.OrdinalIgnoreCase)
            .Where(group => !known.Contains(group.Key))
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new DirectoryItem(group.Key, context => new JsonObject
            {
                ["name"] = group.Key,
                ["link"] = context.CivitaiUrl("/api/v1/models?tag=" + Uri.EscapeDataString(group.Key)),
            })));
        return items;
    }
}
