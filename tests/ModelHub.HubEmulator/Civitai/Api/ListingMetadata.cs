using System.Globalization;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// The metadata of a cursor-paged listing (/models, /images): nextCursor and nextPage (the same URL, every original
/// parameter kept, with the cursor, or the next page number when paging by page), omitted at the end; currentPage
/// and pageSize only when paging by page.
/// </summary>
internal static class ListingMetadata
{
    public static JsonObject Build(RenderContext context, string path, QueryParameters query, string? nextCursor, int? currentPage, int pageSize)
    {
        var metadata = new JsonObject();
        if (nextCursor is not null)
        {
            metadata["nextCursor"] = nextCursor;
        }

        if (currentPage is { } page)
        {
            metadata["currentPage"] = page;
            metadata["pageSize"] = pageSize;
        }

        if (nextCursor is not null)
        {
            var next = currentPage is { } current
                ? query.With("page", (current + 1).ToString(CultureInfo.InvariantCulture))
                : query.With("cursor", nextCursor);
            metadata["nextPage"] = context.CivitaiUrl(path + "?" + next);
        }

        return metadata;
    }
}
