using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelHub.Errors;
using ModelHub.Resources;

namespace ModelHub.Http;

/// <summary>
/// The one place that turns a hub's failure (an error status, an HTML page, malformed JSON, a broken
/// connection) into a typed <see cref="ModelHubException"/> with a stable id and a recommended action.
/// It also decides which failures are worth retrying.
/// </summary>
public static class HubErrorTranslator
{
    // Civitai answers 429 for two conditions that waiting does not fix (../shared/hub-api/civitai-api.md §0, §5).
    private const string CivitaiTooManyPages = "too many pages";
    private const string CivitaiDownloadQuota = "unusual amount of downloading";

    private static readonly Regex AccessPageInMessage = new(@"https?://\S+?(?=[\s,;]|\.?\s|\.?$)", RegexOptions.CultureInvariant);

    /// <summary>Whether a status is worth another attempt: 408, 429, 500, 502, 503, 504 and Cloudflare's 52x.</summary>
    public static bool IsTransientStatus(HttpStatusCode status)
    {
        var code = (int)status;
        return code is 408 or 429 or 500 or 502 or 503 or 504 or (>= 520 and <= 527) or 530;
    }

    /// <summary>Whether a 429 body is one of Civitai's answers that no amount of waiting fixes.</summary>
    public static bool IsPermanentRateLimit(string body) => PermanentRateLimit(body) is not null;

    /// <summary>The error id of a 429 that waiting does not fix, or null for an ordinary rate limit.</summary>
    private static string? PermanentRateLimit(string text) =>
        text.IndexOf(CivitaiTooManyPages, StringComparison.OrdinalIgnoreCase) >= 0 ? ErrorIds.HubPageLimitExceeded
        : text.IndexOf(CivitaiDownloadQuota, StringComparison.OrdinalIgnoreCase) >= 0 ? ErrorIds.HubDownloadQuotaExceeded
        : null;

    /// <summary>Whether an exception from one attempt is a transport failure worth another attempt.</summary>
    public static bool IsTransientException(Exception exception) =>
        exception is HttpRequestException or IOException or TimeoutException or Polly.Timeout.TimeoutRejectedException;

    /// <summary>The error for a response that is not a success.</summary>
    public static ModelHubException FromResponse(HubRequest request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var error = ErrorBody.Parse(response, body);
        var target = request.Describe();
        var hub = request.Hub;
        var detail = error.Detail is { } d ? Text.Format(Messages.HubSaid, status, Redaction.Text(d, request.Token.Value)) : Text.Format(Messages.HubStatus, status);

        ModelHubException exception = (status, error.ErrorCode) switch
        {
            (_, "GatedRepo") => Gated(request, error, detail),
            (404, "RevisionNotFound") => new HubNotFoundException(ErrorIds.HubRevisionNotFound, Text.Format(Messages.RevisionNotFound, hub, target, detail), Messages.RevisionNotFoundAction),
            (404, "EntryNotFound") => new HubNotFoundException(ErrorIds.HubFileNotFound, Text.Format(Messages.FileNotFound, hub, target, detail), Messages.FileNotFoundAction),
            (401 or 404, "RepoNotFound") or (404, _) => new HubNotFoundException(ErrorIds.HubModelNotFound, Text.Format(Messages.ModelNotFound, hub, target, detail), Text.Format(Messages.ModelNotFoundAction, hub)),
            (429, _) => RateLimited(request, response, error, detail),
            _ when error.IsHtml => new HubUnavailableException(Text.Format(Messages.HtmlInsteadOfJson, hub, target, status, request.Attempts), Messages.HubUnavailableAction),
            (401, _) => Unauthorized(request, error, detail),
            (403, _) => Forbidden(request, error, detail),
            (410, _) => new HubNotFoundException(ErrorIds.HubModelArchived, Text.Format(Messages.Archived, hub, target, detail), Messages.ArchivedAction),
            (400, _) => new ModelHubException(ErrorIds.InvalidHubRequest, HubErrorCategory.InvalidArgument, Text.Format(Messages.BadRequest, hub, target, detail), Messages.BadRequestAction),
            _ when IsTransientStatus(response.StatusCode) => new HubUnavailableException(Text.Format(Messages.HubFailing, hub, target, request.Attempts, detail), Messages.HubUnavailableAction),
            _ => new ModelHubException(ErrorIds.HubRequestFailed, HubErrorCategory.InvalidOperation, Text.Format(Messages.RequestFailed, hub, target, detail), Messages.RequestFailedAction),
        };
        return Stamp(exception, request, status);
    }

    /// <summary>The error for a request that never got an answer: connection failures, timeouts, stalled bodies.</summary>
    public static ModelHubException FromException(HubRequest request, Exception exception)
    {
        var reason = exception switch
        {
            Polly.Timeout.TimeoutRejectedException => Text.Format(Messages.AttemptTimedOut, request.Retry.AttemptTimeout.TotalSeconds),
            OperationCanceledException => Text.Format(Messages.OverallTimedOut, request.Retry.Timeout.TotalSeconds),
            TimeoutException => exception.Message,
            _ => Redaction.Text(Innermost(exception).Message, request.Token.Value),
        };
        var message = Text.Format(Messages.Unreachable, request.Hub, Redaction.Url(request.Uri), request.Attempts, reason);
        return Stamp(new HubUnavailableException(message, Messages.HubUnavailableAction, exception), request, null);
    }

    /// <summary>A token checked against the hub's account endpoint and refused: whatever the 401 said, the token is the problem.</summary>
    public static ModelHubException TokenRefused(HubRequest request, ModelHubException refusal) =>
        Stamp(new HubAuthenticationException(ErrorIds.HubTokenInvalid, Text.Format(Messages.TokenInvalid, request.Hub, request.Token.Source, refusal.Message), Text.Format(Messages.TokenInvalidAction, TokenPage(request))), request, refusal.StatusCode);

    /// <summary>The error for a success response whose content type is not JSON.</summary>
    public static ModelHubException NotJson(HubRequest request, HttpResponseMessage response)
    {
        var mediaType = response.Content?.Headers.ContentType?.MediaType ?? "none";
        var status = (int)response.StatusCode;
        ModelHubException exception = mediaType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0
            ? new HubUnavailableException(Text.Format(Messages.HtmlInsteadOfJson, request.Hub, request.Describe(), status, request.Attempts), Messages.HubUnavailableAction)
            : new InvalidHubResponseException(Text.Format(Messages.WrongContentType, request.Hub, request.Describe(), mediaType), Messages.InvalidResponseAction);
        return Stamp(exception, request, status);
    }

    /// <summary>The error for a JSON body that does not parse (malformed or truncated).</summary>
    public static ModelHubException MalformedJson(HubRequest request, int status, JsonException exception) =>
        Stamp(new InvalidHubResponseException(Text.Format(Messages.MalformedJson, request.Hub, request.Describe(), exception.Message), Messages.InvalidResponseAction, exception), request, status);

    private static ModelHubException Unauthorized(HubRequest request, ErrorBody error, string detail)
    {
        var hub = request.Hub;
        var target = request.Describe();
        if (error.AllText.IndexOf("disabled downloads", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new HubAccessDeniedException(ErrorIds.DownloadDisabled, Text.Format(Messages.DownloadDisabled, target, detail), Messages.DownloadDisabledAction);
        }

        if (request.Token.IsSet && error.AllText.IndexOf("Invalid credentials", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new HubAuthenticationException(ErrorIds.HubTokenInvalid, Text.Format(Messages.TokenInvalid, hub, request.Token.Source, detail), Text.Format(Messages.TokenInvalidAction, TokenPage(request)));
        }

        return new HubAuthenticationException(ErrorIds.HubAuthenticationRequired, Text.Format(Messages.AuthenticationRequired, hub, target, detail), Text.Format(Messages.AuthenticationRequiredAction, TokenPage(request), TokenVariable(hub)));
    }

    private static ModelHubException Forbidden(HubRequest request, ErrorBody error, string detail)
    {
        var target = request.Describe();
        if (string.Equals(error.Error, "Early Access", StringComparison.OrdinalIgnoreCase))
        {
            var deadline = DateTimeOffset.TryParse(error.Deadline, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : (DateTimeOffset?)null;
            var until = deadline?.ToString("u", CultureInfo.InvariantCulture) ?? Messages.UnknownDate;
            return new HubAccessDeniedException(ErrorIds.EarlyAccessRequired, Text.Format(Messages.EarlyAccess, target, until, detail), Text.Format(Messages.EarlyAccessAction, until)) { AvailableAt = deadline };
        }

        return new HubAccessDeniedException(ErrorIds.HubAccessDenied, Text.Format(Messages.AccessDenied, request.Hub, target, detail), Messages.AccessDeniedAction);
    }

    private static ModelHubException Gated(HubRequest request, ErrorBody error, string detail)
    {
        var page = error.ErrorMessage is { } text && AccessPageInMessage.Match(text) is { Success: true } match && Uri.TryCreate(match.Value, UriKind.Absolute, out var linked)
            ? linked
            : request.Endpoint.Combine(request.Target ?? string.Empty);
        return new HubAccessDeniedException(ErrorIds.GatedModelAccessDenied, Text.Format(Messages.Gated, request.Describe(), detail), Text.Format(Messages.GatedAction, page, TokenVariable(request.Hub)))
        {
            AccessPage = page,
        };
    }

    private static ModelHubException RateLimited(HubRequest request, HttpResponseMessage response, ErrorBody error, string detail)
    {
        switch (PermanentRateLimit(error.AllText))
        {
            case ErrorIds.HubPageLimitExceeded:
                return new HubRateLimitedException(ErrorIds.HubPageLimitExceeded, Text.Format(Messages.PageLimit, request.Hub, detail), Messages.PageLimitAction);
            case ErrorIds.HubDownloadQuotaExceeded:
                return new HubRateLimitedException(ErrorIds.HubDownloadQuotaExceeded, Text.Format(Messages.DownloadQuota, request.Hub, detail), Messages.DownloadQuotaAction);
        }

        var wait = RetryDelay.Requested(response, DateTimeOffset.UtcNow);
        var waitText = wait is { } w ? Text.Format(Messages.RateLimitWait, Math.Ceiling(w.TotalSeconds)) : string.Empty;
        return new HubRateLimitedException(ErrorIds.HubRateLimited, Text.Format(Messages.RateLimited, request.Hub, request.Attempts, waitText, detail), Text.Format(Messages.RateLimitedAction, TokenVariable(request.Hub)))
        {
            RetryAfter = wait,
        };
    }

    private static ModelHubException Stamp(ModelHubException exception, HubRequest request, int? status)
    {
        exception.Hub = request.Hub;
        exception.Target = request.Describe();
        exception.StatusCode = status;
        return exception;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static Uri TokenPage(HubRequest request) =>
        request.Endpoint.Combine(request.Hub == Hub.Civitai ? "user/account" : "settings/tokens");

    private static string TokenVariable(Hub hub) =>
        hub == Hub.Civitai ? Settings.EnvironmentVariables.CivitaiToken : Settings.EnvironmentVariables.HfToken;
}
