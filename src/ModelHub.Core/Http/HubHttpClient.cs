using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Errors;

namespace ModelHub.Http;

/// <summary>
/// Sends <see cref="HubRequest"/>s through each hub's long-lived HttpClient and its resilience pipeline,
/// and turns every failure into a <see cref="ModelHubException"/>. The hub clients build on this.
/// </summary>
public sealed class HubHttpClient
{
    /// <summary>The IHttpClientFactory client name of each hub.</summary>
    public static string ClientName(Hub hub) => "ModelHub." + hub;

    private readonly IReadOnlyDictionary<Hub, HttpClient> _clients;
    private readonly TimeProvider _time;

    public HubHttpClient(IHttpClientFactory factory, TimeProvider time)
    {
        _clients = new Dictionary<Hub, HttpClient>
        {
            [Hub.Civitai] = factory.CreateClient(ClientName(Hub.Civitai)),
            [Hub.HuggingFace] = factory.CreateClient(ClientName(Hub.HuggingFace)),
        };
        _time = time;
    }

    /// <summary>
    /// Sends the request and returns a success response (or, with FollowRedirects off, a redirect).
    /// Throws <see cref="ModelHubException"/> for every failure; <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> was cancelled. Refuses an insecure endpoint before sending anything.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HubRequest request, CancellationToken cancellationToken)
    {
        request.Endpoint.EnsureSecure();
        using var overall = _time.CreateCancellationTokenSource(request.Retry.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overall.Token);
        HttpResponseMessage response;
        try
        {
            response = await _clients[request.Hub]
                .SendAsync(request.CreateMessage(request.Uri, request.Method, withContent: true), HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is OperationCanceledException || HubErrorTranslator.IsTransientException(exception))
        {
            throw HubErrorTranslator.FromException(request, exception);
        }

        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300 || (!request.FollowRedirects && status is >= 300 and < 400))
        {
            return response;
        }

        using (response)
        {
            var body = response.Content is null ? string.Empty : await ReadErrorBodyAsync(response).ConfigureAwait(false);
            throw HubErrorTranslator.FromResponse(request, response, body);
        }
    }

    /// <summary>Sends the request and parses its JSON answer; a non-JSON or malformed answer is an <see cref="ErrorIds.InvalidHubResponse"/>.</summary>
    public async Task<JsonDocument> GetJsonAsync(HubRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(request, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Parses the JSON answer of a response from <see cref="SendAsync"/>, for callers that also read its headers
    /// (Hugging Face's Link paging); a non-JSON or malformed answer is an <see cref="ErrorIds.InvalidHubResponse"/>.
    /// </summary>
    public static async Task<JsonDocument> ReadJsonAsync(HubRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        EnsureJson(request, response);
        try
        {
            using var body = await response.Content!.ReadAsStreamAsync().ConfigureAwait(false);
            return await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            throw HubErrorTranslator.MalformedJson(request, (int)response.StatusCode, exception);
        }
    }

    /// <summary>
    /// Sends the request and returns its JSON answer as text, exactly as the hub sent it (for records kept as
    /// returned), once checked to be well-formed JSON; a non-JSON or malformed answer is an <see cref="ErrorIds.InvalidHubResponse"/>.
    /// </summary>
    public async Task<string> GetJsonTextAsync(HubRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureJson(request, response);
        var text = await response.Content!.ReadAsStringAsync().ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            throw HubErrorTranslator.MalformedJson(request, (int)response.StatusCode, exception);
        }

        return text;
    }

    private static void EnsureJson(HubRequest request, HttpResponseMessage response)
    {
        var mediaType = response.Content?.Headers.ContentType?.MediaType;
        if (mediaType is null || !(mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            throw HubErrorTranslator.NotJson(request, response);
        }
    }

    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response)
    {
        try
        {
            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or TimeoutException)
        {
            return string.Empty;
        }
    }
}
