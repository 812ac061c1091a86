using System;
using ModelHub.Errors;
using ModelHub.Resources;

namespace ModelHub.Settings;

/// <summary>The base address of one hub and where it was configured.</summary>
public sealed class HubEndpoint
{
    public HubEndpoint(Hub hub, Uri uri, string source)
    {
        Hub = hub;
        Uri = uri;
        Source = source;
    }

    public Hub Hub { get; }

    /// <summary>The base address, without a trailing slash.</summary>
    public Uri Uri { get; }

    /// <summary><see cref="SettingSources.Default"/> or the name of the variable that set it.</summary>
    public string Source { get; }

    /// <summary>Plain http is accepted only for loopback hosts (a local emulator or mirror).</summary>
    public bool IsSecure => IsAllowed(Uri);

    /// <summary>Throws <see cref="ErrorIds.InsecureEndpoint"/> unless requests may be sent to this endpoint.</summary>
    public void EnsureSecure()
    {
        if (!IsSecure)
        {
            throw InsecureEndpointError();
        }
    }

    public ModelHubConfigurationException InsecureEndpointError() =>
        new(ErrorIds.InsecureEndpoint, HubErrorCategory.SecurityError,
            Text.Format(Messages.InsecureEndpoint, Hub, Uri, Source),
            Text.Format(Messages.InsecureEndpointAction, Source))
        {
            Hub = Hub,
            Target = Uri.ToString(),
        };

    /// <summary>Whether requests may go to this address: https anywhere, http only on loopback.</summary>
    public static bool IsAllowed(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    /// <summary>Whether two addresses share scheme, host and port: the boundary a token never crosses.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>The absolute address of a path below this endpoint (which may itself have a path).</summary>
    public Uri Combine(string relativePathAndQuery) =>
        new(Uri.AbsoluteUri.TrimEnd('/') + "/" + relativePathAndQuery.TrimStart('/'));

    public override string ToString() => Uri.ToString();
}
