using System;

namespace ModelHub.Errors;

/// <summary>
/// Every failure the core reports. It carries what the PowerShell layer needs to build an
/// ErrorRecord: a stable id, a category, the thing that failed and what the user should do.
/// Messages never contain a token (see <see cref="Http.Redaction"/>).
/// </summary>
public class ModelHubException : Exception
{
    public ModelHubException(string errorId, HubErrorCategory category, string message, string recommendedAction, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Category = category;
        RecommendedAction = recommendedAction;
    }

    public string ErrorId { get; }

    public HubErrorCategory Category { get; }

    public string RecommendedAction { get; }

    /// <summary>The hub that answered, when one did.</summary>
    public Hub? Hub { get; internal set; }

    /// <summary>The model, file or endpoint the failure is about.</summary>
    public string? Target { get; internal set; }

    /// <summary>The HTTP status the hub answered with, when there was one.</summary>
    public int? StatusCode { get; internal set; }
}

/// <summary>The hub does not have the model, revision or file (or hides a private one).</summary>
public sealed class HubNotFoundException(string errorId, string message, string recommendedAction)
    : ModelHubException(errorId, HubErrorCategory.ObjectNotFound, message, recommendedAction);

/// <summary>The request needs a (valid) token.</summary>
public sealed class HubAuthenticationException(string errorId, string message, string recommendedAction)
    : ModelHubException(errorId, HubErrorCategory.AuthenticationError, message, recommendedAction);

/// <summary>The hub refuses this caller: gated, early access, downloads disabled, no grant.</summary>
public sealed class HubAccessDeniedException(string errorId, string message, string recommendedAction)
    : ModelHubException(errorId, HubErrorCategory.PermissionDenied, message, recommendedAction)
{
    /// <summary>When early access ends, if the hub said.</summary>
    public DateTimeOffset? AvailableAt { get; init; }

    /// <summary>The web page where access is requested or bought.</summary>
    public Uri? AccessPage { get; init; }
}

/// <summary>The hub limits this caller: rate limits, page limits, download quotas.</summary>
public sealed class HubRateLimitedException(string errorId, string message, string recommendedAction)
    : ModelHubException(errorId, HubErrorCategory.LimitsExceeded, message, recommendedAction)
{
    /// <summary>How long the hub asked the caller to wait, if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>The hub could not be reached or kept failing after every retry.</summary>
public sealed class HubUnavailableException(string message, string recommendedAction, Exception? innerException = null)
    : ModelHubException(ErrorIds.HubUnavailable, HubErrorCategory.ConnectionError, message, recommendedAction, innerException);

/// <summary>The hub answered with something that is not what its API documents.</summary>
public sealed class InvalidHubResponseException(string message, string recommendedAction, Exception? innerException = null)
    : ModelHubException(ErrorIds.InvalidHubResponse, HubErrorCategory.InvalidResult, message, recommendedAction, innerException);

/// <summary>The configuration cannot be used as it is (a bad value, or plain http to a remote host).</summary>
public sealed class ModelHubConfigurationException(string errorId, HubErrorCategory category, string message, string recommendedAction)
    : ModelHubException(errorId, category, message, recommendedAction);
