namespace ModelHub.Errors;

/// <summary>
/// What kind of failure an error is. The names equal PowerShell's ErrorCategory names, so the
/// PowerShell layer maps them by name without the core referencing PowerShell.
/// </summary>
public enum HubErrorCategory
{
    ObjectNotFound,
    AuthenticationError,
    PermissionDenied,
    LimitsExceeded,
    ConnectionError,
    InvalidResult,
    InvalidArgument,
    SecurityError,
    ResourceUnavailable,
    InvalidOperation,
}
