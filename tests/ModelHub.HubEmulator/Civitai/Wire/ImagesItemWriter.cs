using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Wire;

/// <summary>A generated image as /api/v1/images lists it, key for key as the recorded images-page-limit1-2024.json, plus the newer type and modelVersionIds.</summary>
internal static class ImagesItemWriter
{
    public static JsonObject Write(GeneratedImage image, RenderContext context) => new()
    {
        ["id"] = image.Id,
        ["url"] = context.ImageUrl(image.File, image.FileName),
        ["hash"] = image.BlurHash,
        ["width"] = image.Width,
        ["height"] = image.Height,
        ["nsfwLevel"] = BrowsingLevel.ImageLevelName(image.NsfwLevel),
        ["nsfw"] = BrowsingLevel.IsNsfw(image.NsfwLevel),
        ["browsingLevel"] = image.NsfwLevel,
        ["createdAt"] = WireJson.Date(image.CreatedAt),
        ["postId"] = image.PostId,
        ["stats"] = new JsonObject
        {
            ["cryCount"] = image.Stats.Cry,
            ["laughCount"] = image.Stats.Laugh,
            ["likeCount"] = image.Stats.Like,
            ["dislikeCount"] = image.Stats.Dislike,
            ["heartCount"] = image.Stats.Heart,
            ["commentCount"] = image.Stats.Comment,
        },
        ["meta"] = image.Meta?.DeepClone(),
        ["username"] = image.Username,
        ["baseModel"] = image.BaseModel,
        ["type"] = image.MediaType,
        ["modelVersionIds"] = image.VersionId is { } versionId ? new JsonArray(versionId) : new JsonArray(),
    };
}
