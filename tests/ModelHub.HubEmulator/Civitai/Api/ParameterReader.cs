using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// Reads request values the way the server's zod schemas do. A value that fails gives its fallback and records the
/// issue zod would report; the first one is what the endpoint answers with.
/// </summary>
internal sealed class ParameterReader
{
    /// <summary>The first failure, if any.</summary>
    public ZodIssue? Issue { get; private set; }

    /// <summary>A whole number read with JavaScript's Number() (so "" is 0), within [min, max]; <paramref name="fallback"/> when absent.</summary>
    public long Integer(string? text, string name, long min, long max, long fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return Within(0, name, min, max, fallback);
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return Fail(ZodIssue.NotANumber(name), fallback);
        }

        return Math.Floor(number) != number || Math.Abs(number) > 9_007_199_254_740_991
            ? Fail(ZodIssue.NotAnInteger(name), fallback)
            : Within((long)number, name, min, max, fallback);
    }

    /// <summary>One of the allowed values, exactly; <paramref name="fallback"/> when absent.</summary>
    public string OneOf(string? text, string name, IReadOnlyList<string> allowed, string fallback) =>
        text is null ? fallback : Contains(allowed, text) ? text : Fail(ZodIssue.NotOneOf(name, allowed), fallback);

    /// <summary>Values that must each be one of the allowed ones.</summary>
    public IReadOnlyList<string> AllOf(IReadOnlyList<string> values, string name, IReadOnlyList<string> allowed)
    {
        foreach (var value in values)
        {
            if (!Contains(allowed, value))
            {
                return Fail<IReadOnlyList<string>>(ZodIssue.NotOneOf(name, allowed), []);
            }
        }

        return values;
    }

    /// <summary>The server's booleanString(): "true" or "false" only; false when absent.</summary>
    public bool Boolean(string? text, string name) =>
        text is null or "true" or "false" ? text == "true" : Fail(ZodIssue.NotOneOf(name, ["true", "false"]), false);

    /// <summary>A string of at most <paramref name="maximum"/> characters.</summary>
    public string? Text(string? text, string name, int maximum) =>
        text is { Length: var length } && length > maximum ? Fail<string?>(ZodIssue.TooLong(name, maximum), null) : text;

    /// <summary>z.coerce.boolean(): any non-empty string is true, "false" included.</summary>
    public static bool Coerced(string? text) => !string.IsNullOrEmpty(text);

    private long Within(long value, string name, long min, long max, long fallback) =>
        value > max ? Fail(ZodIssue.TooBig(name, max), fallback)
        : value < min ? Fail(ZodIssue.TooSmall(name, min), fallback)
        : value;

    private T Fail<T>(ZodIssue issue, T fallback)
    {
        Issue ??= issue;
        return fallback;
    }

    private static bool Contains(IReadOnlyList<string> allowed, string value)
    {
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
