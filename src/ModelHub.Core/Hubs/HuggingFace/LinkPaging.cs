using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using ModelHub.Discovery;
using ModelHub.Http;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// Reads a Hub listing (a JSON array per page, the next page named by the Link header) lazily: a page is
/// requested only when the caller asks for an item past the previous one, and never once it stops.
/// </summary>
internal sealed class LinkPaging
{
    private readonly HubHttpClient _http;
    private readonly HubRequestFactory _requests;

    public LinkPaging(HubHttpClient http, HubRequestFactory requests)
    {
        _http = http;
        _requests = requests;
    }

    /// <summary>
    /// The items of every page from <paramref name="first"/> on, each read with <paramref name="read"/> (null skips
    /// an item). The next page goes to the address the Hub gave, with the same token rules and target.
    /// </summary>
    public async IAsyncEnumerable<T> ReadAsync<T>(HubRequest first, HubCallOptions options, Func<JsonElement, T?> read, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        for (HubRequest? request = first; request is not null;)
        {
            Uri? next;
            using (var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false))
            using (var page = await HubHttpClient.ReadJsonAsync(request, response, cancellationToken).ConfigureAwait(false))
            {
                next = LinkHeader.Next(response);
                if (page.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw HubErrorTranslator.MalformedJson(request, (int)response.StatusCode, new JsonException("The listing is not a JSON array."));
                }

                foreach (var element in page.RootElement.EnumerateArray())
                {
                    if (HubJson.Read(request, element, read) is { } item)
                    {
                        yield return item;
                    }
                }
            }

            request = next is null ? null : _requests.CreateForUrl(first.Hub, next, options, first.Target);
        }
    }
}
