using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace ModelHub.HubEmulator.Tests.HuggingFace;

/// <summary>Requests to the Hugging Face origin of an emulator, with or without a token, following no redirect.</summary>
internal sealed class HfRequests
{
    private readonly HttpClient _http;
    private readonly Origins _origins;

    public HfRequests(HttpClient http, Origins origins)
    {
        _http = http;
        _origins = origins;
    }

    public Uri Url(string pathAndQuery) => Origins.Combine(_origins.HuggingFace, pathAndQuery);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? token = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, pathAndQuery.StartsWith("http", StringComparison.Ordinal) ? new Uri(pathAndQuery) : Url(pathAndQuery));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        configure?.Invoke(request);
        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? token = null) => SendAsync(HttpMethod.Get, pathAndQuery, token);

    /// <summary>GET and parse a 200 JSON answer.</summary>
    public async Task<JsonNode> JsonAsync(string pathAndQuery, string? token = null)
    {
        using var response = await GetAsync(pathAndQuery, token);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {pathAndQuery} answered {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body)!;
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : null;
}
