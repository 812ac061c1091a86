using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// GET /api/download/models/{versionId}: the checks of civitai-api.md §5 in their order, then 307 to a signed CDN URL
/// carrying the download name. Browsers get errors as text and, for sign-in and early access, a redirect to a page.
/// (Blocklists and download quotas, steps 1 and 2, have no trigger here; fault rules stand in for them.)
/// </summary>
internal sealed class DownloadEndpoint
{
    /// <summary>The server's fp parameter is a string of at most this length.</summary>
    private const int MaxPrecisionLength = 64;

    private const string NoStore = "no-store, max-age=0";

    private readonly CivitaiSite _site;

    public DownloadEndpoint(CivitaiSite site)
    {
        _site = site;
    }

    public Task Download(HttpContext context, string versionId)
    {
        var request = context.Request;
        context.Response.Headers.CacheControl = NoStore;
        var browser = BrowserPages.IsBrowser(request);
        var query = QueryParameters.From(request);
        var reader = new ParameterReader();
        var id = reader.Integer(versionId, "modelVersionId", long.MinValue, long.MaxValue, 0);
        var type = reader.OneOf(query.First("type"), "type", CivitaiEnums.FileTypes, string.Empty);
        var format = reader.OneOf(query.First("format"), "format", CivitaiEnums.FileFormats, string.Empty);
        var size = reader.OneOf(query.First("size"), "size", CivitaiEnums.FileSizes, string.Empty);
        var quantType = reader.OneOf(query.First("quantType"), "quantType", CivitaiEnums.QuantTypes, string.Empty);
        var precision = reader.Text(query.First("fp"), "fp", MaxPrecisionLength);
        var fileId = reader.Integer(query.First("fileId"), "fileId", 0, long.MaxValue, -1);
        if (reader.Issue is { } issue)
        {
            return CivitaiResponses.PrettyValidationError(context, issue);
        }

        var version = _site.Catalog.Version(id);
        if (version is null || version.Access.Poi)
        {
            return Refuse(context, browser, StatusCodes.Status404NotFound, CivitaiMessages.FileNotFound);
        }

        if (version.Access.Archived)
        {
            return Refuse(context, browser, StatusCodes.Status410Gone, CivitaiMessages.Archived);
        }

        // Disabled downloads answer JSON even to browsers.
        if (version.Access.UsageControl != AccessRules.Download)
        {
            return Unauthorized(context, CivitaiMessages.DownloadsDisabled);
        }

        var caller = CivitaiSite.Caller(request);
        if (version.Access.LoginRequired && caller is not (Caller.Valid or Caller.NoAccess))
        {
            return browser ? Redirect(context, BrowserPages.LoginLink(id)) : Unauthorized(context, CivitaiMessages.LoginRequired);
        }

        // The valid token's user owns every early-access version.
        if (version.Access.EarlyAccessDeadline is { } deadline && caller != Caller.Valid)
        {
            return browser
                ? Redirect(context, BrowserPages.VersionPage(id))
                : CivitaiResponses.Json(
                    context,
                    new JsonObject { ["error"] = CivitaiMessages.EarlyAccess, ["deadline"] = WireJson.Date(deadline), ["message"] = CivitaiMessages.EarlyAccessDetail },
                    StatusCodes.Status403Forbidden);
        }

        var choice = new FileChoice(fileId >= 0 ? fileId : null, NullIfEmpty(type), NullIfEmpty(format), NullIfEmpty(size), precision, NullIfEmpty(quantType));
        if (choice.From(version) is not { } file)
        {
            return Refuse(context, browser, StatusCodes.Status404NotFound, CivitaiMessages.FileNotFound);
        }

        return Redirect(context, _site.Services.Cdn.Signed(file.Spec, file.Name).AbsoluteUri);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static Task Refuse(HttpContext context, bool browser, int status, string message) =>
        browser ? CivitaiResponses.Text(context, status, message) : CivitaiResponses.Error(context, status, message);

    private static Task Unauthorized(HttpContext context, string message) =>
        CivitaiResponses.Json(context, new JsonObject { ["error"] = CivitaiMessages.Unauthorized, ["message"] = message }, StatusCodes.Status401Unauthorized);

    /// <summary>307 Temporary Redirect (Next.js res.redirect), empty body.</summary>
    private static Task Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        context.Response.Headers.Location = location;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}
