using System.Collections.Generic;
using System.Globalization;

namespace ModelHub.Hubs.Civitai;

/// <summary>The GET /api/v1/images pages of a model's or version's sample images.</summary>
internal static class CivitaiImagesQuery
{
    /// <summary>Civitai's default and usual page; the API allows 200.</summary>
    public const int PageSize = 100;

    private const string Path = "api/v1/images";

    /// <summary>
    /// The path and query of the page a cursor names. Without NSFW, nsfw=Soft asks for PG and PG-13 images, which
    /// Civitai flags as safe (nsfw false); with it, nsfw=X asks for every level (leaving it out would mean PG only).
    /// </summary>
    public static string PathAndQuery(string modelId, string? versionId, bool includeNsfw, string? cursor)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("limit", PageSize.ToString(CultureInfo.InvariantCulture)),
            new("modelId", modelId),
        };
        if (versionId is not null)
        {
            parameters.Add(new("modelVersionId", versionId));
        }

        parameters.Add(new("nsfw", includeNsfw ? "X" : "Soft"));
        if (cursor is not null)
        {
            parameters.Add(new("cursor", cursor));
        }

        return CivitaiQueryString.Build(Path, parameters);
    }
}
