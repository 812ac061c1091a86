using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;

namespace ModelHub.Http;

/// <summary>
/// What an error response says, in any of the shapes the hubs use: <c>{"error":"…"}</c>, <c>{"error":{…}}</c>
/// (Civitai's Zod errors), <c>{"error":[…]}</c>, <c>{"message":"…"}</c>, <c>{"errors":[{"message":…}]}</c>,
/// Hugging Face's X-Error-Code / X-Error-Message headers, or an HTML page.
/// </summary>
internal sealed class ErrorBody
{
    private ErrorBody(string? error, string? message, string? deadline, string? errorCode, string? errorMessage, bool isHtml)
    {
        Error = error;
        Message = message;
        Deadline = deadline;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        IsHtml = isHtml;
    }

    /// <summary>The body's "error" member as text (an object or array is flattened).</summary>
    public string? Error { get; }

    /// <summary>The body's "message" (or "error_description", or errors[0].message).</summary>
    public string? Message { get; }

    /// <summary>Civitai's early-access deadline.</summary>
    public string? Deadline { get; }

    /// <summary>Hugging Face's X-Error-Code header.</summary>
    public string? ErrorCode { get; }

    /// <summary>Hugging Face's X-Error-Message header.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The body is an HTML page (a Cloudflare challenge or an edge error page).</summary>
    public bool IsHtml { get; }

    /// <summary>The most specific human text available, for error messages.</summary>
    public string? Detail => new[] { ErrorMessage, Message, Error }.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));

    /// <summary>Every text the hub sent, for classification.</summary>
    public string AllText => string.Join(" ", new[] { Error, Message, ErrorMessage }.Where(s => s is not null));

    public static ErrorBody Parse(HttpResponseMessage response, string body)
    {
        var errorCode = Header(response, "X-Error-Code");
        var errorMessage = Header(response, "X-Error-Message");
        var mediaType = response.Content?.Headers.ContentType?.MediaType ?? string.Empty;
        var trimmed = body.TrimStart();
        var isHtml = mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0
            || trimmed.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
        if (isHtml || !trimmed.StartsWith("{", StringComparison.Ordinal))
        {
            var text = isHtml || trimmed.Length == 0 ? null : Shorten(trimmed);
            return new ErrorBody(text, null, null, errorCode, errorMessage, isHtml);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ErrorBody(Shorten(trimmed), null, null, errorCode, errorMessage, false);
            }

            var message = Member(root, "message") ?? Member(root, "error_description");
            if (message is null && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                message = errors.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object ? Member(e, "message") : null).FirstOrDefault(m => m is not null);
            }

            return new ErrorBody(Member(root, "error"), message, Member(root, "deadline"), errorCode, errorMessage, false);
        }
        catch (JsonException)
        {
            return new ErrorBody(Shorten(trimmed), null, null, errorCode, errorMessage, false);
        }
    }

    private static string? Member(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
            _ => Shorten(value.GetRawText()),
        };
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Shorten(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";
}
