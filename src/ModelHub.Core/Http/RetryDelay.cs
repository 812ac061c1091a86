using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using ModelHub.Settings;

namespace ModelHub.Http;

/// <summary>How long to wait before the next attempt: what the hub asked for, else exponential backoff with jitter.</summary>
public static class RetryDelay
{
    /// <summary>The longest wait a hub may ask for that is still waited out (Hugging Face's rate-limit window).</summary>
    public static readonly TimeSpan MaxHonouredServerDelay = TimeSpan.FromMinutes(5);

    private static readonly Regex RateLimitReset = new(@"(?:^|[;,\s])t=(\d+)", RegexOptions.CultureInvariant);

    /// <summary>
    /// The wait the response asks for: Retry-After (seconds or an HTTP date), or on a 429 Hugging Face's
    /// <c>RateLimit: "api";r=0;t=55</c> header (seconds until the window resets). Null when it asks for none.
    /// </summary>
    public static TimeSpan? Requested(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        if (response.StatusCode == (HttpStatusCode)429
            && response.Headers.TryGetValues("RateLimit", out var values)
            && values.Select(v => RateLimitReset.Match(v)).FirstOrDefault(m => m.Success) is { } match)
        {
            return TimeSpan.FromSeconds(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return null;
    }

    /// <summary>Exponential backoff for the given retry (0 for the first), capped, with "equal jitter" (half fixed, half random).</summary>
    public static TimeSpan Backoff(int retry, RetrySettings settings, Random random)
    {
        var exponential = settings.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(exponential, settings.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (random.NextDouble() * capped / 2));
    }
}
