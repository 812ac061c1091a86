using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Wire;

/// <summary>
/// The 2023 field shapes, key for key as the recorded wiki samples (wiki-models-page-textualinversion.json,
/// wiki-model-version-1318.json): allowCommercialUse a string, star ratings, image nsfw as bool or text.
/// </summary>
internal sealed class LegacyShape : IModelShape
{
    public JsonObject Model(GeneratedModel model, RenderContext context, ListingOptions options) => new()
    {
        ["id"] = model.Id,
        ["name"] = model.Name,
        ["description"] = model.Description,
        ["type"] = model.Type,
        ["poi"] = model.Poi,
        ["nsfw"] = model.Nsfw,
        ["allowNoCredit"] = model.AllowNoCredit,
        ["allowCommercialUse"] = model.CommercialUse.Count == 0 ? "None" : model.CommercialUse[^1],
        ["allowDerivatives"] = model.AllowDerivatives,
        ["allowDifferentLicense"] = model.AllowDifferentLicense,
        ["stats"] = new JsonObject
        {
            ["downloadCount"] = model.Metrics.Downloads,
            ["favoriteCount"] = model.Favorites,
            ["commentCount"] = model.Metrics.Comments,
            ["ratingCount"] = model.RatingCount,
            ["rating"] = model.Rating,
        },
        ["creator"] = new JsonObject
        {
            ["username"] = model.Creator.Username,
            ["image"] = model.Creator.Avatar is { } avatar ? context.ImageUrl(avatar, model.Creator.Username + ".jpeg") : null,
        },
        ["tags"] = CivitaiJson.Strings(model.Tags),
        ["modelVersions"] = new JsonArray(model.GeneratedVersions.Select(version => (JsonNode?)Summary(version, context, options)).ToArray()),
    };

    public JsonObject Version(GeneratedVersion version, RenderContext context)
    {
        var json = Head(version);
        json["model"] = new JsonObject
        {
            ["name"] = version.Owner.Name,
            ["type"] = version.Owner.Type,
            ["nsfw"] = version.Owner.Nsfw,
            ["poi"] = version.Owner.Poi,
        };

        // The version endpoint put primary before downloadUrl, the listing after it.
        json["files"] = new JsonArray(version.Files.Select(file =>
        {
            var fileJson = FileHead(file, context);
            fileJson["primary"] = file.Primary;
            fileJson["downloadUrl"] = FileWire.DownloadUrl(version, file, context);
            return (JsonNode?)fileJson;
        }).ToArray());
        json["images"] = Images(version, BrowsingLevel.All, context);
        json["downloadUrl"] = FileWire.DownloadUrl(version, context);
        return json;
    }

    private static JsonObject Summary(GeneratedVersion version, RenderContext context, ListingOptions options)
    {
        var json = Head(version);
        var files = version.Files.Where(file => !options.PrimaryFileOnly || file.Primary);
        json["files"] = new JsonArray(files.Select(file =>
        {
            var fileJson = FileHead(file, context);
            fileJson["downloadUrl"] = FileWire.DownloadUrl(version, file, context);
            if (file.Primary)
            {
                fileJson["primary"] = true;
            }

            return (JsonNode?)fileJson;
        }).ToArray());
        json["images"] = Images(version, options.BrowsingLevel, context);
        json["downloadUrl"] = FileWire.DownloadUrl(version, context);
        return json;
    }

    private static JsonObject Head(GeneratedVersion version) => new()
    {
        ["id"] = version.Id,
        ["modelId"] = version.ModelId,
        ["name"] = version.Name,
        ["createdAt"] = WireJson.Date(version.CreatedAt),
        ["updatedAt"] = WireJson.Date(version.UpdatedAt),
        ["trainedWords"] = CivitaiJson.Strings(version.TrainedWords),
        ["baseModel"] = version.BaseModel,
        ["earlyAccessTimeFrame"] = 0,
        ["description"] = version.Description,
        ["stats"] = new JsonObject
        {
            ["downloadCount"] = version.Downloads,
            ["ratingCount"] = version.RatingCount,
            ["rating"] = version.Rating,
        },
    };

    private static JsonObject FileHead(CatalogFile file, RenderContext context) => new()
    {
        ["name"] = file.Name,
        ["id"] = file.Id,
        ["sizeKB"] = file.SizeKb,
        ["type"] = file.Type,
        ["metadata"] = FileWire.LegacyMetadata(file),
        ["pickleScanResult"] = "Success",
        ["pickleScanMessage"] = file.PickleScanMessage,
        ["virusScanResult"] = "Success",
        ["scannedAt"] = WireJson.Date(file.ScannedAt),
        ["hashes"] = FileWire.Hashes(file, context),
    };

    private static JsonArray Images(GeneratedVersion version, int browsingLevel, RenderContext context) =>
        new(version.Images.Where(image => BrowsingLevel.Shows(browsingLevel, image.NsfwLevel)).Select(image => (JsonNode?)new JsonObject
        {
            ["url"] = context.ImageUrl(image.File, image.FileName),
            ["nsfw"] = version.Owner.NsfwAsText ? BrowsingLevel.ImageLevelName(image.NsfwLevel) : BrowsingLevel.IsNsfw(image.NsfwLevel),
            ["width"] = image.Width,
            ["height"] = image.Height,
            ["hash"] = image.BlurHash,
            ["meta"] = image.Meta?.DeepClone(),
        }).ToArray());
}
