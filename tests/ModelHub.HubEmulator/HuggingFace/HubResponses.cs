using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>How the Hub's responses are written: JSON bodies with their length and a weak ETag, no body on HEAD, a request id on everything.</summary>
internal static class HubResponses
{
    public const string JsonType = "application/json; charset=utf-8";

    public const string TextType = "text/plain; charset=utf-8";

    /// <summary>Every response carries X-Request-Id ("Root=1-…", then the client's X-Amzn-Trace-Id), as huggingface_hub quotes it in errors.</summary>
    public static void UseRequestIds(WebApplication app) => app.Use(async (context, next) =>
    {
        var id = $"Root=1-{DateTimeOffset.UtcNow.ToUnixTimeSeconds():x8}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
        var trace = context.Request.Headers["X-Amzn-Trace-Id"].ToString();
        context.Response.Headers["X-Request-Id"] = trace.Length > 0 ? id + ";" + trace : id;
        await next(context);
    });

    public static IResult Json(JsonNode body, string contentType = JsonType) => new Body(body.ToJsonString(WireJson.Compact), contentType);

    /// <summary>A redirect with the Hub's short text/plain body ("Temporary Redirect. Redirecting to …").</summary>
    public static IResult Redirect(int status, string location) => new Redirection(status, location);

    public static Task WriteJsonAsync(HttpContext context, JsonNode body) => WriteAsync(context, body.ToJsonString(WireJson.Compact), JsonType);

    /// <summary>A body with Content-Length and an Express-style weak ETag, like the Hub's API responses; nothing is sent on HEAD.</summary>
    public static async Task WriteAsync(HttpContext context, string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        if (response.Headers.ETag.Count == 0)
        {
            response.Headers.ETag = WeakEtag(bytes);
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    /// <summary>W/"&lt;length hex&gt;-&lt;base64 SHA-1, 27 chars&gt;", the form the Hub's API ETags have.</summary>
    private static string WeakEtag(byte[] body) =>
        $"W/\"{body.Length.ToString("x", CultureInfo.InvariantCulture)}-{Convert.ToBase64String(SHA1.HashData(body))[..27]}\"";

    private sealed class Body(string text, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, text, contentType);
    }

    private sealed class Redirection(int status, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.Headers.Location = location;
            response.Headers.Vary = "Origin, Accept";
            var reason = status == StatusCodes.Status302Found ? "Found" : "Temporary Redirect";
            return WriteAsync(httpContext, $"{reason}. Redirecting to {location}", TextType);
        }
    }
}
