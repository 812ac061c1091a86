using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ModelHub.Http;

namespace ModelHub.Hubs.Civitai;

/// <summary>One page of a cursor-paged listing (GET /api/v1/models, /api/v1/images): its items, and the cursor of the next page (absent at the end).</summary>
internal sealed class CivitaiListingPage
{
    private CivitaiListingPage(IReadOnlyList<JsonElement> items, string? nextCursor)
    {
        Items = items;
        NextCursor = nextCursor;
    }

    public IReadOnlyList<JsonElement> Items { get; }

    /// <summary>Opaque: a string ("75363|932023|257749", an ISO date, an offset) or a number; null on the last page.</summary>
    public string? NextCursor { get; }

    public static CivitaiListingPage Read(JsonElement root, HubRequest request)
    {
        if (root.Field("items") is not { ValueKind: JsonValueKind.Array } items)
        {
            throw CivitaiErrors.Lacks(request, "items");
        }

        var cursor = (root.Field("metadata") ?? default).Text("nextCursor");
        return new CivitaiListingPage(items.EnumerateArray().ToArray(), string.IsNullOrEmpty(cursor) ? null : cursor);
    }
}
