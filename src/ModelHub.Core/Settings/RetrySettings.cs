using System;
using ModelHub.Resources;

namespace ModelHub.Settings;

/// <summary>How hard the HTTP layer tries before it gives up. A value type, so pipelines can be cached per value.</summary>
public sealed record RetrySettings
{
    public static RetrySettings Default { get; } = new();

    /// <summary>The most retries a setting may ask for.</summary>
    public const int MostRetries = 100;

    /// <summary>The longest delay or timeout a setting may ask for.</summary>
    public static TimeSpan LongestDelay { get; } = TimeSpan.FromDays(1);

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first backoff delay; each retry doubles it, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take to answer (for API calls, including the body).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a request may take in all, retries and waits included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a response body may send nothing before it counts as stalled.</summary>
    public TimeSpan ReadIdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a number of retries is one a setting may hold: 0 to <see cref="MostRetries"/>.</summary>
    internal static bool IsValidRetryCount(int count) => count is >= 0 and <= MostRetries;

    /// <summary>Why a delay or timeout cannot be a setting (for a parameter's validation), or null when it can.</summary>
    public static string? DelayProblem(TimeSpan delay) => IsValidDelay(delay) ? null : Text.Format(Messages.InvalidDelay, delay, LongestDelay);

    /// <summary>Whether a delay or timeout is one a setting may hold: longer than zero and at most <see cref="LongestDelay"/>.</summary>
    internal static bool IsValidDelay(TimeSpan delay) => delay > TimeSpan.Zero && delay <= LongestDelay;

    /// <summary>A number of seconds as a delay, or null when it is not a valid one (<see cref="IsValidDelay"/>).</summary>
    internal static TimeSpan? DelayFromSeconds(double seconds) =>
        seconds > 0 && seconds <= LongestDelay.TotalSeconds && TimeSpan.FromSeconds(seconds) is var delay && IsValidDelay(delay) ? delay : null;
}
