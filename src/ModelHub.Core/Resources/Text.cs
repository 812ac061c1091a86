using System.Globalization;

namespace ModelHub.Resources;

/// <summary>Formats the user-facing messages kept in Messages.resx.</summary>
internal static class Text
{
    public static string Format(string format, params object?[] args) =>
        string.Format(CultureInfo.CurrentUICulture, format, args);
}
