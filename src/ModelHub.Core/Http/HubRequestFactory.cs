using System.Net.Http;
using ModelHub.Discovery;
using ModelHub.Settings;

namespace ModelHub.Http;

/// <summary>Builds requests to a hub's current endpoint with the token that applies, reading the settings at each call.</summary>
public sealed class HubRequestFactory
{
    private readonly SettingsReader _settings;
    private readonly TokenResolver _tokens;

    public HubRequestFactory(SettingsReader settings, TokenResolver tokens)
    {
        _settings = settings;
        _tokens = tokens;
    }

    /// <summary>A GET (or other) request for a path and query below the hub's endpoint.</summary>
    public HubRequest Create(Hub hub, string pathAndQuery, HubCallOptions options, string? target, HttpMethod? method = null, HttpContent? content = null) =>
        Create(hub, options, target, endpoint => endpoint.Combine(pathAndQuery), method, content);

    /// <summary>A request for an absolute URL the hub gave (a paging link, an image), still sent with the hub's token rules.</summary>
    public HubRequest CreateForUrl(Hub hub, System.Uri url, HubCallOptions options, string? target, string accept = JsonMediaType) =>
        Create(hub, options, target, _ => url, method: null, content: null, accept);

    private const string JsonMediaType = "application/json";

    private HubRequest Create(Hub hub, HubCallOptions options, string? target, System.Func<HubEndpoint, System.Uri> address, HttpMethod? method, HttpContent? content, string accept = JsonMediaType)
    {
        var settings = _settings.Read();
        var endpoint = settings.Endpoint(hub);
        return new HubRequest(endpoint, method ?? HttpMethod.Get, address(endpoint), _tokens.Resolve(hub, settings.StateFolder, options.Token), settings.Retry)
        {
            Target = target,
            Trace = options.Trace,
            Content = content,
            Accept = accept,
        };
    }
}
