using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Errors;
using ModelHub.Resources;
using ModelHub.Settings;

namespace ModelHub.Http;

/// <summary>
/// Follows redirects in our code rather than the handler's, so each hop is a new request whose token
/// is decided by its own origin (a CDN never sees a hub token) and whose target must be secure.
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    public const int MaxRedirects = 10;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var hubRequest = HubRequest.Of(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var hop = 0; hubRequest.FollowRedirects && IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hop++)
        {
            if (hop == MaxRedirects)
            {
                response.Dispose();
                throw new InvalidHubResponseException(Text.Format(Messages.TooManyRedirects, hubRequest.Hub, hubRequest.Describe(), MaxRedirects), Messages.InvalidResponseAction)
                {
                    Hub = hubRequest.Hub,
                    Target = hubRequest.Describe(),
                };
            }

            var current = response.RequestMessage ?? request;
            var next = location.IsAbsoluteUri ? location : new Uri(current.RequestUri!, location);
            if (!HubEndpoint.IsAllowed(next))
            {
                response.Dispose();
                throw new ModelHubConfigurationException(ErrorIds.InsecureEndpoint, HubErrorCategory.SecurityError,
                    Text.Format(Messages.InsecureRedirect, hubRequest.Hub, Redaction.Url(next)), Messages.InsecureRedirectAction)
                {
                    Hub = hubRequest.Hub,
                    Target = hubRequest.Describe(),
                };
            }

            // 303, and 301/302 after a POST, turn into a GET without a body, as browsers and HttpClient do.
            var keepsMethod = response.StatusCode is HttpStatusCode.TemporaryRedirect or (HttpStatusCode)308
                || ((response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found) && current.Method != HttpMethod.Post);
            var method = keepsMethod ? current.Method : (current.Method == HttpMethod.Head ? HttpMethod.Head : HttpMethod.Get);
            response.Dispose();
            response = await base.SendAsync(hubRequest.CreateMessage(next, method, withContent: keepsMethod), cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or (HttpStatusCode)308;
}
