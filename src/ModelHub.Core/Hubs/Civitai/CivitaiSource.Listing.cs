using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Http;

namespace ModelHub.Hubs.Civitai;

/// <summary>What the Civitai source shares between its requests: cursor-paged listings and version answers.</summary>
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

    /// <summary>
    /// Reads /api/v1/model-versions/{id} with <paramref name="read"/> (given the version's own id and the request).
    /// A version of another model is reported as not found under this one.
    /// </summary>
    private async Task<T> ReadVersionAsync<T>(string modelId, string versionId, HubCallOptions options, Func<JsonElement, string, HubRequest, T> read, CancellationToken cancellationToken)
    {
        var target = CivitaiIds.VersionTarget(modelId, versionId);
        CivitaiIds.Require(modelId, target);
        CivitaiIds.Require(versionId, target);
        var request = _requests.Create(Hub.Civitai, "api/v1/model-versions/" + versionId, options, target);
        using var document = await _http.GetJsonAsync(request, cancellationToken).ConfigureAwait(false);
        var version = document.RootElement;
        var id = version.Text("id") ?? throw CivitaiErrors.Lacks(request, "id");
        if (version.Text("modelId") is { } owner && !CivitaiIds.Same(owner, modelId))
        {
            throw CivitaiErrors.VersionOfAnotherModel(modelId, versionId, owner);
        }

        return read(version, id, request);
    }
}
