using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ModelHub.HubEmulator.Control;

/// <summary>
/// Wraps every hub request of one origin: records it in the request log (with the body bytes really sent)
/// and applies the first fault rule that acts on it.
/// </summary>
internal sealed class TrafficMiddleware
{
    private const string CloudflarePage =
        "<!DOCTYPE html>\n<html lang=\"en-US\"><head><title>Just a moment...</title>" +
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"></head>" +
        "<body><div class=\"main-wrapper\" role=\"main\"><h1>civitai.com</h1>" +
        "<p>Checking if the site connection is secure. Enable JavaScript and cookies to continue.</p>" +
        "<div class=\"footer\">Performance &amp; security by Cloudflare</div></div></body></html>\n";

    private readonly RequestDelegate _next;
    private readonly OriginState _origin;
    private readonly bool _quiet;

    public TrafficMiddleware(RequestDelegate next, OriginState origin, EmulatorOptions options)
    {
        _next = next;
        _origin = origin;
        _quiet = options.Quiet;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var entry = new RequestLogEntry
        {
            Origin = _origin.LogName,
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            Query = RedactToken(request.QueryString),
            Authorization = request.Headers.Authorization.Count > 0,
            TokenQuery = request.Query.ContainsKey("token"),
            UserAgent = request.Headers.UserAgent.Count > 0 ? request.Headers.UserAgent.ToString() : null,
            Range = request.Headers.Range.Count > 0 ? request.Headers.Range.ToString() : null,
        };

        var bodyFeature = context.Features.Get<IHttpResponseBodyFeature>()!;
        FaultingStream? body = null;
        try
        {
            var rule = ChooseRule(context, entry, out var answeredStatus);
            body = new FaultingStream(bodyFeature.Stream, context, rule);
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body, bodyFeature));

            if (answeredStatus is { } status)
            {
                await AnswerAsync(context, status, rule!);
            }
            else if (rule is { Html: true })
            {
                await AnswerAsync(context, StatusCodes.Status200OK, rule);
            }
            else
            {
                await RunAsync(context, rule);
            }
        }
        finally
        {
            entry.Status = context.Response.StatusCode;
            entry.Bytes = body?.BytesSent ?? 0;
            _origin.Log.Add(entry);
            if (!_quiet)
            {
                Console.Error.WriteLine($"{entry.Origin} {entry.Method} {entry.Path}{(entry.Query.Length > 0 ? "?" + entry.Query : string.Empty)} -> {entry.Status} ({entry.Bytes} bytes)");
            }
        }
    }

    /// <summary>The query string without its leading '?', with a token's value masked: the log says whether a token came, never which.</summary>
    private static string RedactToken(QueryString query) =>
        query.HasValue
            ? string.Join("&", query.Value!.TrimStart('?').Split('&').Select(part => part.StartsWith("token=", StringComparison.OrdinalIgnoreCase) ? "token=***" : part))
            : string.Empty;

    /// <summary>The oldest matching rule that acts on this request; a status rule answers it outright.</summary>
    private FaultRule? ChooseRule(HttpContext context, RequestLogEntry entry, out int? answeredStatus)
    {
        answeredStatus = null;
        foreach (var rule in _origin.Faults.Matching(entry.Method, entry.Path))
        {
            if (rule.Status is { Length: > 0 })
            {
                if (rule.TryAct())
                {
                    answeredStatus = rule.StatusFor(rule.Acted - 1);
                    return rule;
                }

                continue;
            }

            var ignoresRange = rule.IgnoreRange && entry.Range is not null;
            var actsNow = rule.LatencyMs is not null || rule.StallMs is not null || rule.ThrottleBytesPerSecond is not null
                || ignoresRange || rule.WrongContentLength || rule.Html || rule.TruncateJson;
            var actsLater = rule.DropAfterBytes is not null || rule.CorruptAtOffset is not null;
            if ((actsNow && rule.TryAct()) || (!actsNow && actsLater))
            {
                if (ignoresRange)
                {
                    context.Request.Headers.Remove("Range");
                }

                return rule;
            }
        }

        return null;
    }

    private async Task RunAsync(HttpContext context, FaultRule? rule)
    {
        if (rule?.LatencyMs is { } latency)
        {
            await Task.Delay(latency, context.RequestAborted);
        }

        if (rule is { WrongContentLength: true })
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.ContentLength is { } length)
                {
                    context.Response.ContentLength = length + 1024;
                }

                return Task.CompletedTask;
            });
        }

        if (rule is not { TruncateJson: true })
        {
            await _next(context);
            return;
        }

        // Run the endpoint into a buffer, then send only the first half of its JSON.
        var realBody = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer, realBody));
        await _next(context);
        context.Features.Set(realBody);
        var half = buffer.ToArray().AsMemory(0, (int)(buffer.Length / 2));
        context.Response.ContentLength = half.Length;
        await realBody.Stream.WriteAsync(half, context.RequestAborted);
    }

    private static async Task AnswerAsync(HttpContext context, int status, FaultRule rule)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (rule.RetryAfter is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (context.Request.Method == HttpMethods.Head)
        {
            return;
        }

        var (type, text) = rule.Html
            ? ("text/html; charset=UTF-8", CloudflarePage)
            : ("application/json; charset=utf-8", $"{{\"error\":\"Emulated fault: HTTP {status}\"}}");
        response.ContentType = type;
        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
