using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using ModelHub.Discovery;
using ModelHub.Http;

namespace ModelHub.Hubs.Civitai;

/// <summary>Civitai's cursor-paged listings, shared by the searches and the image listings.</summary>
public sealed partial class CivitaiSource
{
    /// <summary>
    /// The items of a cursor-paged listing (/models, /images), each with the request that brought it, one page at a
    /// time: no page is requested before its first item is asked for. An item is valid until the next one is asked for.
    /// </summary>
    /// <param name="pathAndQuery">The path and query of the page a cursor names (the first page: no cursor).</param>
    private async IAsyncEnumerable<(JsonElement Item, HubRequest Request)> ListAsync(
        Func<string?, string> pathAndQuery, HubCallOptions options, string? target, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;

        // Paging goes on until a page has no next cursor: a text search may send an empty page that still has one.
        do
        {
            var request = _requests.Create(Hub.Civitai, pathAndQuery(cursor), options, target);
            using var document = await _http.GetJsonAsync(request, cancellationToken).ConfigureAwait(false);
            var page = CivitaiListingPage.Read(document.RootElement, request);
            foreach (var item in page.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return (item, request);
            }

            if (page.NextCursor is not null && page.NextCursor == cursor)
            {
                throw CivitaiErrors.CursorRepeated(request);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
