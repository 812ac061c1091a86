using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Settings;

namespace ModelHub.Http;

/// <summary>
/// Sets the headers of every hop: a non-browser User-Agent (Civitai answers "Mozilla" with HTML pages),
/// and the hub's token only when the hop goes to that hub's own origin.
/// </summary>
internal sealed class HubHeadersHandler : DelegatingHandler
{
    public static readonly ProductInfoHeaderValue UserAgent = new("ModelHub", ModuleVersion());

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var hubRequest = HubRequest.Of(request);
        request.Headers.UserAgent.Clear();
        request.Headers.UserAgent.Add(UserAgent);
        request.Headers.Authorization = hubRequest.Token.Value is { } token && HubEndpoint.SameOrigin(request.RequestUri!, hubRequest.Endpoint.Uri)
            ? new AuthenticationHeaderValue("Bearer", token)
            : null;
        return base.SendAsync(request, cancellationToken);
    }

    private static string ModuleVersion()
    {
        var version = typeof(HubHeadersHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var metadata = version.IndexOf('+');
        return metadata < 0 ? version : version.Substring(0, metadata);
    }
}
