using System;
using System.Collections.Generic;
using System.Linq;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// The emulator's stand-in for Civitai's Meilisearch: every word of the query must appear in the name, a tag, the
/// creator or the type; results come by relevance (the whole query in the name, then every word in the name, then the
/// rest), most liked first within each.
/// </summary>
internal static class TextSearch
{
    public static bool Matches(CatalogModel model, string text) =>
        Words(text).All(word => Fields(model).Any(field => field.Contains(word, StringComparison.OrdinalIgnoreCase)));

    public static List<CatalogModel> ByRelevance(IEnumerable<CatalogModel> models, string text) =>
        models.OrderBy(model => Relevance(model, text))
            .ThenByDescending(model => model.Metrics.ThumbsUp)
            .ThenByDescending(model => model.Id)
            .ToList();

    private static int Relevance(CatalogModel model, string text) =>
        model.Name.Contains(text, StringComparison.OrdinalIgnoreCase) ? 0
        : Words(text).All(word => model.Name.Contains(word, StringComparison.OrdinalIgnoreCase)) ? 1
        : 2;

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> Fields(CatalogModel model) =>
        model.Tags.Append(model.Name).Append(model.Type).Append(model.Username ?? string.Empty);
}
