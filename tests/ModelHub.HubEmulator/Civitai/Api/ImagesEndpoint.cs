using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>GET /api/v1/images: filters by model, version, post, user, NSFW level, type and base model; cursor and page paging.</summary>
internal sealed class ImagesEndpoint
{
    public const string Path = "/api/v1/images";
    public const int MaxLimit = 200;

    private static readonly IReadOnlyList<string> NsfwValues = ["None", "Soft", "Mature", "X", "true", "false"];

    private readonly CivitaiSite _site;

    public ImagesEndpoint(CivitaiSite site)
    {
        _site = site;
    }

    public Task List(HttpContext context)
    {
        var query = QueryParameters.From(context.Request);
        var reader = new ParameterReader();
        var nsfw = reader.OneOf(query.First("nsfw"), "nsfw", NsfwValues, "false");
        var limit = reader.Integer(query.First("limit"), "limit", 0, MaxLimit, 100);
        var page = reader.Integer(query.First("page"), "page", 1, int.MaxValue, 1);
        var modelId = reader.Integer(query.First("modelId"), "modelId", 0, long.MaxValue, -1);
        var versionId = reader.Integer(query.First("modelVersionId"), "modelVersionId", 0, long.MaxValue, -1);
        var postId = reader.Integer(query.First("postId"), "postId", 0, long.MaxValue, -1);
        var browsingLevel = reader.Integer(query.First("browsingLevel"), "browsingLevel", 0, 63, -1);
        var sortName = reader.OneOf(query.First("sort"), "sort", CivitaiEnums.ImageSorts, ImageSort.Default);
        var period = reader.OneOf(query.First("period"), "period", CivitaiEnums.Periods, "AllTime");
        var type = reader.OneOf(query.First("type"), "type", CivitaiEnums.MediaTypes, string.Empty);
        var baseModels = reader.AllOf(query.All("baseModels"), "baseModels", CivitaiEnums.BaseModels);
        if (reader.Issue is { } issue)
        {
            return CivitaiResponses.ValidationError(context, issue);
        }

        var paging = query.Has("page") && !query.Has("cursor");
        if (query.Has("page") && page * limit > ModelsEndpoint.MaxPagedItems)
        {
            return CivitaiResponses.Error(context, StatusCodes.Status429TooManyRequests, CivitaiMessages.TooManyPages);
        }

        // browsingLevel overrides nsfw; neither means the public level.
        var level = browsingLevel >= 0 ? (int)browsingLevel : BrowsingLevel.FromImagesNsfw(nsfw)!.Value;
        var since = ModelQuery.Span(period) is { } span ? _site.Services.Time.GetUtcNow() - span : (DateTimeOffset?)null;
        var username = query.First("username");
        var matching = _site.Catalog.Images.Where(image =>
            BrowsingLevel.Shows(level, image.NsfwLevel)
            && (modelId < 0 || image.ModelId == modelId)
            && (versionId < 0 || image.VersionId == versionId)
            && (postId < 0 || image.PostId == postId)
            && (string.IsNullOrEmpty(username) || string.Equals(image.Username, username, StringComparison.OrdinalIgnoreCase))
            && (type.Length == 0 || image.MediaType == type)
            && (baseModels.Count == 0 || (image.BaseModel is not null && baseModels.Contains(image.BaseModel)))
            && (since is null || image.CreatedAt >= since));

        var sort = ImageSort.For(sortName, _site.Services.Options.Seed);
        var sorted = sort.Order.Sort(matching);
        int offset;
        if (paging)
        {
            offset = (int)((page - 1) * limit);
        }
        else if (query.First("cursor") is not { Length: > 0 } cursor)
        {
            offset = 0;
        }
        else if (CursorText.Parse(cursor) is { } key)
        {
            offset = sort.Order.Position(sorted, key, inclusive: false);
        }
        else
        {
            return CivitaiResponses.ValidationError(context, ZodIssue.InvalidCursor());
        }

        var items = sorted.Skip(offset).Take((int)limit).ToList();
        var nextCursor = items.Count > 0 && offset + items.Count < sorted.Count ? sort.Cursor(items[^1]) : null;
        var render = _site.Render([]);
        var body = new JsonObject
        {
            ["items"] = new JsonArray(items.Select(image => (JsonNode?)image.Render(render)).ToArray()),
            ["metadata"] = ListingMetadata.Build(render, Path, query, nextCursor, paging ? (int)page : null, (int)limit),
        };
        return CivitaiResponses.Json(context, body);
    }
}
