using System.Net.Mime;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>How the Civitai origin answers: JSON with Civitai's headers, its error bodies, plain text and HTML for browsers.</summary>
internal static class CivitaiResponses
{
    public const string JsonType = "application/json; charset=utf-8";

    /// <summary>Public endpoints are cached at the edge (civitai-api.md §0); authenticated calls are not.</summary>
    private const string PublicCache = "public, s-maxage=300, stale-while-revalidate=150";

    public static Task Json(HttpContext context, JsonNode body, int status = StatusCodes.Status200OK)
    {
        var response = context.Response;
        response.Headers.AccessControlAllowOrigin = "*";
        if (status == StatusCodes.Status200OK && context.Request.Headers.Authorization.Count == 0)
        {
            response.Headers.CacheControl = PublicCache;
        }

        return Send(context, status, JsonType, CivitaiJson.Serialize(body));
    }

    /// <summary>The common error body: <c>{"error":"…"}</c>.</summary>
    public static Task Error(HttpContext context, int status, string message) => Json(context, new JsonObject { ["error"] = message }, status);

    /// <summary>400 with the serialized ZodError, as /models and /images answer invalid parameters.</summary>
    public static Task ValidationError(HttpContext context, ZodIssue issue) =>
        Json(context, new JsonObject { ["error"] = ZodIssue.SerializedError([issue]) }, StatusCodes.Status400BadRequest);

    /// <summary>400 with z.prettifyError's text, as single-resource endpoints and downloads answer invalid parameters.</summary>
    public static Task PrettyValidationError(HttpContext context, ZodIssue issue) =>
        Error(context, StatusCodes.Status400BadRequest, ZodIssue.Prettify([issue]));

    public static Task Text(HttpContext context, int status, string text) =>
        Send(context, status, MediaTypeNames.Text.Plain + "; charset=utf-8", Encoding.UTF8.GetBytes(text));

    public static Task Html(HttpContext context, string html) =>
        Send(context, StatusCodes.Status200OK, MediaTypeNames.Text.Html + "; charset=utf-8", Encoding.UTF8.GetBytes(html));

    private static async Task Send(HttpContext context, int status, string contentType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
