using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>Cursors written as numbers joined by '|' ("75363|932023|257749", "1|1712265847499").</summary>
internal static class CursorText
{
    public static string Format(IEnumerable<long> parts) => string.Join('|', parts.Select(part => part.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The numbers of a cursor; null when it is not one.</summary>
    public static long[]? Parse(string cursor)
    {
        var parts = cursor.Split('|');
        var key = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out key[i]))
            {
                return null;
            }
        }

        return key;
    }
}
