using System.Globalization;
using System.Text.Json;

namespace ModelHub.Images;

/// <summary>
/// One value of generation metadata as a typed value: the tools that write it send numbers as numbers or as text
/// ("Clip skip": "2", "seed": "1116375220995209"), so both are read, and anything else reads as absent.
/// </summary>
internal static class MetaValue
{
    /// <summary>A non-blank string, kept exactly.</summary>
    public static string? Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <summary>An id: a string, or a whole number given as its JSON text.</summary>
    public static string? Id(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Text(value);

    /// <summary>
    /// An unsigned 64-bit whole number, exactly: the number token is read as a ulong, never through a double (seeds
    /// reach 2^64-1). Negative (A1111's -1 means "random"), fractional or unparsable values read as absent.
    /// </summary>
    public static ulong? Unsigned(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetUInt64(out var number) ? number : null,
        JsonValueKind.String => ulong.TryParse(value.GetString(), NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        _ => null,
    };

    /// <summary>A whole number that fits an int ("30", 30 and 30.0 alike); anything else reads as absent.</summary>
    public static int? Whole(JsonElement value) =>
        Decimal(value) is { } number && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;

    /// <summary>A finite number ("7.5" or 7.5).</summary>
    public static double? Real(JsonElement value)
    {
        double? number = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
            _ => null,
        };
        return number is { } finite && !double.IsNaN(finite) && !double.IsInfinity(finite) ? finite : null;
    }

    private static decimal? Decimal(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : null,
        JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        _ => null,
    };
}
