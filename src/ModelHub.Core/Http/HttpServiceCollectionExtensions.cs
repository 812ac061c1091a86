using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;

namespace ModelHub.Http;

/// <summary>Registers one IHttpClientFactory-built client per hub with the ModelHub handler chain.</summary>
public static class HttpServiceCollectionExtensions
{
    /// <param name="primaryHandler">The innermost handler; null for the real network. Tests pass a fake.</param>
    public static IServiceCollection AddHubHttp(this IServiceCollection services, Func<HttpMessageHandler>? primaryHandler = null)
    {
        foreach (Hub hub in Enum.GetValues(typeof(Hub)))
        {
            services.AddHttpClient(HubHttpClient.ClientName(hub), client => client.Timeout = Timeout.InfiniteTimeSpan)
                .AddHttpMessageHandler(() => new RedirectHandler())
                .AddHttpMessageHandler(provider => new ResilienceHandler(provider.GetRequiredService<TimeProvider>(), new Random()))
                .AddHttpMessageHandler(() => new HubHeadersHandler())
                .ConfigurePrimaryHttpMessageHandler(primaryHandler ?? CreateNetworkHandler);
        }

        return services.AddSingleton<HubHttpClient>();
    }

    private static HttpMessageHandler CreateNetworkHandler() => new HttpClientHandler
    {
        // Our RedirectHandler follows redirects, so each hop's token is decided by its own origin.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        UseCookies = false,
    };
}
