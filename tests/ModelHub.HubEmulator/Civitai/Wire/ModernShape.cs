using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Wire;

/// <summary>The 2024+ field shapes, key for key as the recorded model-1231067.json and model-version-1387174.json.</summary>
internal sealed class ModernShape : IModelShape
{
    public JsonObject Model(GeneratedModel model, RenderContext context, ListingOptions options)
    {
        var json = new JsonObject
        {
            ["id"] = model.Id,
            ["name"] = model.Name,
            ["description"] = model.Description,
            ["allowNoCredit"] = model.AllowNoCredit,
            ["allowCommercialUse"] = CivitaiJson.Strings(model.CommercialUse),
            ["allowDerivatives"] = model.AllowDerivatives,
            ["allowDifferentLicense"] = model.AllowDifferentLicense,
            ["type"] = model.Type,
            ["minor"] = false,
            ["sfwOnly"] = model.SfwOnly,
            ["poi"] = model.Poi,
            ["nsfw"] = model.Nsfw,
            ["nsfwLevel"] = model.NsfwLevel,
            ["availability"] = model.Availability,
            ["cosmetic"] = null,
            ["supportsGeneration"] = model.SupportsGeneration,
        };

        // mode is omitted while the model is healthy.
        if (model.Archived)
        {
            json["mode"] = "Archived";
        }

        // favoriteCount, ratingCount and rating are legacy fields the API still sends, as zeros.
        json["stats"] = new JsonObject
        {
            ["downloadCount"] = model.Metrics.Downloads,
            ["favoriteCount"] = 0,
            ["thumbsUpCount"] = model.Metrics.ThumbsUp,
            ["thumbsDownCount"] = model.ThumbsDown,
            ["commentCount"] = model.Metrics.Comments,
            ["ratingCount"] = 0,
            ["rating"] = 0,
            ["tippedAmountCount"] = model.TippedAmount,
        };
        json["creator"] = new JsonObject
        {
            ["username"] = model.Creator.Username,
            ["image"] = model.Creator.Avatar is { } avatar ? context.ImageUrl(avatar, model.Creator.Username + ".jpeg") : null,
        };
        json["tags"] = CivitaiJson.Strings(model.Tags);
        json["modelVersions"] = new JsonArray(model.GeneratedVersions.Select(version => (JsonNode?)Summary(version, context, options)).ToArray());
        return json;
    }

    public JsonObject Version(GeneratedVersion version, RenderContext context)
    {
        var model = version.Owner;
        var json = new JsonObject
        {
            ["id"] = version.Id,
            ["modelId"] = version.ModelId,
            ["name"] = version.Name,
            ["createdAt"] = WireJson.Date(version.CreatedAt),
            ["updatedAt"] = WireJson.Date(version.UpdatedAt),
            ["status"] = "Published",
            ["publishedAt"] = WireJson.Date(version.PublishedAt),
            ["trainedWords"] = CivitaiJson.Strings(version.TrainedWords),
            ["trainingStatus"] = version.UploadType == "Trained" ? "Approved" : null,
            ["trainingDetails"] = version.UploadType == "Trained" ? TrainingDetails(version) : null,
            ["baseModel"] = version.BaseModel,
            ["baseModelType"] = version.BaseModelType,
            ["earlyAccessEndsAt"] = version.Access.EarlyAccessDeadline is { } deadline ? WireJson.Date(deadline) : null,
            ["earlyAccessConfig"] = version.Access.EarlyAccessDeadline is null ? null : EarlyAccessConfig(),
            ["description"] = version.Description,
            ["uploadType"] = version.UploadType,
            ["usageControl"] = version.Access.UsageControl,
            ["air"] = version.Air,
            ["nsfwLevel"] = version.NsfwLevel,
            ["availability"] = version.Availability,
            ["stats"] = new JsonObject
            {
                ["downloadCount"] = version.Downloads,
                ["ratingCount"] = 0,
                ["rating"] = 0,
                ["thumbsUpCount"] = version.ThumbsUp,
            },
        };
        var modelJson = new JsonObject { ["name"] = model.Name, ["type"] = model.Type, ["nsfw"] = model.Nsfw, ["poi"] = model.Poi };
        if (model.Archived)
        {
            modelJson["mode"] = "Archived";
        }

        json["model"] = modelJson;
        json["files"] = new JsonArray(version.Files.Select(file => (JsonNode?)VersionFile(version, file, context)).ToArray());
        json["images"] = new JsonArray(version.Images.Select(image => (JsonNode?)VersionImage(image, context)).ToArray());
        FileWire.Add(json, "downloadUrl", FileWire.DownloadUrl(version, context));
        return json;
    }

    private static JsonObject Summary(GeneratedVersion version, RenderContext context, ListingOptions options)
    {
        var json = new JsonObject
        {
            ["id"] = version.Id,
            ["index"] = version.Index,
            ["name"] = version.Name,
            ["baseModel"] = version.BaseModel,
            ["baseModelType"] = version.BaseModelType,
            ["createdAt"] = WireJson.Date(version.CreatedAt),
            ["publishedAt"] = WireJson.Date(version.PublishedAt),
            ["status"] = "Published",
            ["availability"] = version.Availability,
            ["nsfwLevel"] = version.NsfwLevel,
            ["trainedWords"] = CivitaiJson.Strings(version.TrainedWords),
            ["covered"] = version.Owner.SupportsGeneration,
        };
        if (version.Access.EarlyAccessDeadline is { } deadline)
        {
            json["earlyAccessDeadline"] = WireJson.Date(deadline);
        }

        json["stats"] = new JsonObject
        {
            ["downloadCount"] = version.Downloads,
            ["ratingCount"] = 0,
            ["rating"] = 0,
            ["thumbsUpCount"] = version.ThumbsUp,
            ["thumbsDownCount"] = version.ThumbsDown,
        };
        var files = version.Files.Where(file => !options.PrimaryFileOnly || file.Primary);
        json["files"] = new JsonArray(files.Select(file => (JsonNode?)ListingFile(version, file, context)).ToArray());
        var images = version.Images.Where(image => BrowsingLevel.Shows(options.BrowsingLevel, image.NsfwLevel));
        json["images"] = new JsonArray(images.Select(image => (JsonNode?)ListingImage(image, context)).ToArray());
        FileWire.Add(json, "downloadUrl", FileWire.DownloadUrl(version, context));
        return json;
    }

    private static JsonObject ListingFile(GeneratedVersion version, CatalogFile file, RenderContext context)
    {
        var json = FileHead(file);
        json["metadata"] = FileWire.Metadata(file, trimmed: true);
        json["hashes"] = FileWire.Hashes(file, context);
        FileWire.Add(json, "downloadUrl", FileWire.DownloadUrl(version, file, context));

        // Listings show primary only when true.
        if (file.Primary)
        {
            json["primary"] = true;
        }

        return json;
    }

    private static JsonObject VersionFile(GeneratedVersion version, CatalogFile file, RenderContext context)
    {
        var json = FileHead(file);
        json["metadata"] = FileWire.Metadata(file, trimmed: false);
        json["hashes"] = FileWire.Hashes(file, context);
        json["primary"] = file.Primary;
        FileWire.Add(json, "downloadUrl", FileWire.DownloadUrl(version, file, context));
        return json;
    }

    private static JsonObject FileHead(CatalogFile file) => new()
    {
        ["id"] = file.Id,
        ["sizeKB"] = file.SizeKb,
        ["name"] = file.Name,
        ["type"] = file.Type,
        ["pickleScanResult"] = "Success",
        ["pickleScanMessage"] = file.PickleScanMessage,
        ["virusScanResult"] = "Success",
        ["virusScanMessage"] = null,
        ["scannedAt"] = WireJson.Date(file.ScannedAt),
    };

    private static JsonObject ListingImage(GeneratedImage image, RenderContext context) => new()
    {
        ["url"] = context.ImageUrl(image.File, image.FileName),
        ["nsfwLevel"] = image.NsfwLevel,
        ["width"] = image.Width,
        ["height"] = image.Height,
        ["hash"] = image.BlurHash,
        ["type"] = image.MediaType,
        ["minor"] = false,
        ["poi"] = image.Poi,
        ["hasMeta"] = image.Meta is not null,
        ["hasPositivePrompt"] = image.Meta?["prompt"] is not null,
        ["onSite"] = image.OnSite,
        ["remixOfId"] = null,
    };

    private static JsonObject VersionImage(GeneratedImage image, RenderContext context) => new()
    {
        ["url"] = context.ImageUrl(image.File, image.FileName),
        ["nsfwLevel"] = image.NsfwLevel,
        ["width"] = image.Width,
        ["height"] = image.Height,
        ["hash"] = image.BlurHash,
        ["type"] = image.MediaType,
        ["metadata"] = new JsonObject
        {
            ["hash"] = image.BlurHash,
            ["size"] = image.File.Spec.Size,
            ["width"] = image.Width,
            ["height"] = image.Height,
        },
        ["meta"] = image.Meta?.DeepClone(),
        ["availability"] = "Public",
        ["hasMeta"] = image.Meta is not null,
        ["hasPositivePrompt"] = image.Meta?["prompt"] is not null,
        ["onSite"] = image.OnSite,
        ["remixOfId"] = null,
    };

    private static JsonObject EarlyAccessConfig() => new()
    {
        ["timeframe"] = 7,
        ["chargeForDownload"] = true,
        ["downloadPrice"] = 500,
        ["chargeForGeneration"] = false,
        ["donationGoalEnabled"] = false,
    };

    private static JsonObject TrainingDetails(GeneratedVersion version) => new()
    {
        ["type"] = "Style",
        ["baseModel"] = version.BaseModel,
        ["params"] = new JsonObject
        {
            ["engine"] = "kohya",
            ["maxTrainEpochs"] = 10,
            ["numRepeats"] = 12,
            ["networkDim"] = 32,
            ["networkAlpha"] = 16,
            ["unetLR"] = 0.0005,
            ["optimizerType"] = "AdamW8Bit",
        },
    };
}
