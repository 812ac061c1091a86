using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json;
using ModelHub.Cards;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// A Civitai model and one of its versions as a <see cref="ModelCard"/>: the descriptions (HTML) as Markdown and
/// plain text, and the permissions, stats, creator and early-access state as metadata.
/// </summary>
internal static class CivitaiCardMapper
{
    /// <param name="versionJson">The version as the hub sent it (a model's modelVersions[] entry or a /model-versions answer); default without a version.</param>
    public static ModelCard Map(Model model, JsonElement modelJson, ModelVersion? version, JsonElement versionJson)
    {
        var modelHtml = modelJson.Text("description") ?? string.Empty;
        var versionHtml = versionJson.Text("description") ?? string.Empty;

        // The version's description follows the model's under a heading with the version's name.
        var versionSection = version is null || versionHtml.Trim().Length == 0 ? string.Empty : "<h2>" + WebUtility.HtmlEncode(version.Name) + "</h2>" + versionHtml;
        var markdown = HtmlMarkdown.Convert(modelHtml + versionSection);
        return new ModelCard
        {
            Hub = Hub.Civitai,
            Id = model.Id,
            VersionId = version?.VersionId,
            Title = string.IsNullOrWhiteSpace(version?.Name) ? model.Name : model.Name + " - " + version!.Name,
            License = model.License,
            BaseModel = version?.BaseModel ?? model.BaseModel,
            TrainedWords = version?.TrainedWords ?? Array.Empty<string>(),
            Tags = model.Tags,
            Metadata = Metadata(model, modelJson, version, versionJson),
            Markdown = markdown,
            Text = MarkdownContent.Parse(markdown).Text,
            Raw = string.Join("\n", new[] { modelHtml, versionHtml }.Where(html => html.Length > 0)),
            Url = version?.Url ?? model.Url,
        };
    }

    private static List<KeyValuePair<string, object?>> Metadata(Model model, JsonElement modelJson, ModelVersion? version, JsonElement versionJson) => new()
    {
        new("CommercialUse", model.CommercialUse.Cast<object?>().ToList()),
        new("AllowNoCredit", model.AllowNoCredit),
        new("AllowDerivatives", model.AllowDerivatives),
        new("AllowDifferentLicense", model.AllowDifferentLicense),
        new("Stats", Plain(modelJson.Field("stats"))),
        new("VersionStats", Plain(versionJson.Field("stats"))),
        new("Creator", model.Author),
        new("Availability", versionJson.Text("availability") ?? modelJson.Text("availability")),
        new("EarlyAccessEndsAt", version?.EarlyAccessEndsAt?.ToString("o", CultureInfo.InvariantCulture)),
        new("Nsfw", model.Nsfw),
        new("NsfwLevel", (long?)model.NsfwLevel),
        new("Poi", model.Poi),
        new("Type", modelJson.Text("type")),
    };

    private static object? Plain(JsonElement? element) => element is { } value ? PlainJson.Parse(value.GetRawText()) : null;
}
