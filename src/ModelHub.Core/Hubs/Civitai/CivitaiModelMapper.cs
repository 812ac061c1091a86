using System.Linq;
using System.Text.Json;
using ModelHub.Http;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// A Civitai model (an items[] entry of /models, or /models/{id}) as a <see cref="Model"/>, from either
/// schema: the 2024+ one (model-1231067.json) and the 2023 one (wiki-models-page-textualinversion.json).
/// </summary>
internal static class CivitaiModelMapper
{
    private const string EarlyAccess = "EarlyAccess";

    public static Model Map(JsonElement model, HubRequest request)
    {
        var id = model.Text("id") ?? throw CivitaiErrors.Lacks(request, "id");
        var type = BaseModels.TypeFromCivitai(model.Text("type"));

        // Civitai lists the versions newest first (index 0); the first is the latest.
        var versionElements = model.Elements("modelVersions").ToArray();
        var versions = versionElements.Select(version => CivitaiVersionMapper.Map(version, id, type, request)).ToArray();
        var latest = versions.FirstOrDefault();
        var stats = model.Field("stats") ?? default;
        var ratingCount = stats.WholeNumber("ratingCount");
        var nsfwLevel = model.WholeNumber("nsfwLevel") is { } level ? (int)level : (int?)null;
        var permissions = CivitaiPermissions.Of(model);
        return new Model
        {
            Hub = Hub.Civitai,
            Id = id,
            Name = model.Text("name") ?? string.Empty,
            Type = type,
            BaseModel = latest?.BaseModel ?? BaseModels.Unknown,
            BaseModelRaw = latest?.BaseModelRaw,
            Author = model.Field("creator")?.Text("username"),
            Tags = model.Names("tags"),
            Downloads = stats.WholeNumber("downloadCount"),

            // Likes were thumbs-up since 2024; the 2023 API counted favourites.
            Likes = stats.WholeNumber("thumbsUpCount") ?? stats.WholeNumber("favoriteCount"),

            // Star ratings ended in 2024; the API still sends them as zeros, which mean "no rating", not 0 stars.
            Rating = ratingCount > 0 ? stats.Number("rating") : null,
            RatingCount = ratingCount > 0 ? ratingCount : null,
            Nsfw = CivitaiNsfw.IsNsfw(model, nsfwLevel),
            NsfwLevel = nsfwLevel,
            Poi = model.Flag("poi") == true,
            License = permissions.Summary,
            CommercialUse = permissions.CommercialUse,
            AllowNoCredit = permissions.AllowNoCredit,
            AllowDerivatives = permissions.AllowDerivatives,
            AllowDifferentLicense = permissions.AllowDifferentLicense,
            Gated = IsEarlyAccess(model, versionElements.FirstOrDefault()),

            // The API gives a model no dates of its own: they come from its versions (Min and Max skip missing ones).
            CreatedAt = versionElements.Select(version => version.Date("createdAt")).Min(),
            UpdatedAt = versionElements.SelectMany(version => new[] { version.Date("updatedAt"), version.Date("publishedAt"), version.Date("createdAt") }).Max(),
            Url = CivitaiUrls.ModelPage(request.Endpoint, id),
            Air = latest?.Air,
            LatestVersion = latest,
            Versions = versions,
            Raw = model.GetRawText(),
        };
    }

    /// <summary>
    /// Early access is the gate the listing shows: availability EarlyAccess on the model or its latest version,
    /// or a deadline on the latest version (listings send one only while early access runs). Login-required
    /// downloads are not in the listing; the download reports them.
    /// </summary>
    private static bool IsEarlyAccess(JsonElement model, JsonElement latest) =>
        model.Text("availability") == EarlyAccess || latest.Text("availability") == EarlyAccess || latest.Field("earlyAccessDeadline") is not null;
}
