using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>The Hugging Face origin: /api/models…, /{repo}/resolve/…, /api/whoami-v2.</summary>
internal static class HuggingFaceEndpoints
{
    public static void Map(WebApplication app, EmulatorServices services)
    {
        var catalog = new HfCatalog(services);
        var api = new ModelApi(catalog, services);
        var resolve = new ResolveEndpoint(catalog, services);

        HubResponses.UseRequestIds(app);
        app.MapGet("/api/whoami-v2", (HttpContext context) => WhoAmIEndpoint.Handle(context, services));
        app.MapGet("/api/models", (Func<HttpContext, IResult>)api.List);
        app.MapMethods("/api/models/{**rest}", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)api.RepoAsync);
        app.MapMethods("/{**rest}", [HttpMethods.Get, HttpMethods.Head], (Func<HttpContext, Task<IResult>>)resolve.HandleAsync);
    }
}
