using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>Requests to the emulator's Civitai origin as a client sends them: no redirect followed, a token and User-Agent when asked.</summary>
internal sealed class CivitaiApi
{
    public const string ScriptAgent = "ModelHub.Tests/1.0";
    public const string BrowserAgent = "Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.19045; en-US) PowerShell/7.6.0";

    private readonly HttpClient _http;
    private readonly Uri _origin;

    public CivitaiApi(HttpClient http, Uri origin)
    {
        _http = http;
        _origin = origin;
    }

    public CivitaiApi(EmulatorFixture fixture)
        : this(fixture.Http, fixture.Origins.Civitai)
    {
    }

    /// <summary>The origin as the API writes it in URLs ("http://127.0.0.1:port").</summary>
    public string Origin => _origin.GetLeftPart(UriPartial.Authority);

    public Task<HttpResponseMessage> SendAsync(string pathAndQuery, string? token = null, string userAgent = ScriptAgent, HttpMethod? method = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, Origins.Combine(_origin, pathAndQuery)) { Content = content };
        request.Headers.UserAgent.ParseAdd(userAgent);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return _http.SendAsync(request);
    }

    /// <summary>GET, expecting <paramref name="status"/> and a JSON body.</summary>
    public async Task<JsonNode> JsonAsync(string pathAndQuery, HttpStatusCode status = HttpStatusCode.OK, string? token = null)
    {
        using var response = await SendAsync(pathAndQuery, token);
        var text = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.StatusCode == status, $"GET {pathAndQuery}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Xunit.Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return JsonNode.Parse(text)!;
    }

    /// <summary>Every item of a cursor-paged listing, following metadata.nextPage to the end.</summary>
    public async Task<JsonArray> AllPagesAsync(string pathAndQuery)
    {
        var items = new JsonArray();
        for (var next = pathAndQuery; next is not null;)
        {
            var page = await JsonAsync(next);
            foreach (var item in page["items"]!.AsArray())
            {
                items.Add(item!.DeepClone());
            }

            next = (string?)page["metadata"]!["nextPage"] is { } url ? new Uri(url).PathAndQuery : null;
        }

        return items;
    }
}
