using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ModelHub.HubEmulator.Civitai.Api;

namespace ModelHub.HubEmulator.Civitai;

/// <summary>
/// The Civitai origin: /api/v1/… and /api/download/models/…, plus the two HTML pages download redirects send browsers
/// to. GET endpoints answer HEAD too, as the site's API routes do. The catalogue is built on the first request.
/// </summary>
internal static class CivitaiEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static void Map(WebApplication app, EmulatorServices services)
    {
        var site = new CivitaiSite(services);
        var models = new ModelsEndpoint(site);
        var versions = new ModelVersionsEndpoint(site);
        var images = new ImagesEndpoint(site);
        var tags = DirectoryEndpoint.Tags(site);
        var creators = DirectoryEndpoint.Creators(site);
        var enums = new EnumsEndpoint(site);
        var downloads = new DownloadEndpoint(site);

        app.MapMethods(ModelsEndpoint.Path, GetOrHead, models.List);
        app.MapMethods(ModelsEndpoint.Path + "/{id}", GetOrHead, context => models.Single(context, Route(context, "id")));
        app.MapMethods("/api/v1/model-versions/by-hash/{hash}", GetOrHead, context => versions.ByHash(context, Route(context, "hash")));
        app.MapPost("/api/v1/model-versions/by-hash", versions.BulkByHash);
        app.MapMethods("/api/v1/model-versions/{id}", GetOrHead, context => versions.ById(context, Route(context, "id")));
        app.MapMethods(ImagesEndpoint.Path, GetOrHead, images.List);
        app.MapMethods("/api/v1/tags", GetOrHead, tags.List);
        app.MapMethods("/api/v1/creators", GetOrHead, creators.List);
        app.MapMethods("/api/v1/me", GetOrHead, MeEndpoint.Get);
        app.MapMethods("/api/v1/enums", GetOrHead, enums.Get);
        app.MapMethods("/api/download/models/{versionId}", GetOrHead, context => downloads.Download(context, Route(context, "versionId")));
        app.MapGet("/login", BrowserPages.Login);
        app.MapGet("/model-versions/{id}", context => BrowserPages.Version(context, Route(context, "id")));
    }

    private static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;
}
