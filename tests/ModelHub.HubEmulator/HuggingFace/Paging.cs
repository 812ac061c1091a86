using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// GitHub-style paging as the Hub does it: a page of items and, while more remain,
/// <c>Link: &lt;absolute URL with cursor&gt;; rel="next"</c> on the emulator's own origin (huggingface.js parses it
/// with a regex that needs the absolute URL and the space after ";"). No Link on the last page.
/// </summary>
internal static class Paging
{
    /// <summary>The page the request's cursor and limit select, or null when the cursor is not one the emulator made.</summary>
    public static IReadOnlyList<T>? Page<T>(HttpContext context, Uri origin, IReadOnlyList<T> items, int defaultSize, int largestSize)
    {
        var query = context.Request.Query;
        var size = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? Math.Min(limit, largestSize)
            : defaultSize;
        var offset = 0;
        if (query.TryGetValue("cursor", out var cursor) && !TryReadCursor(cursor.ToString(), out offset))
        {
            return null;
        }

        var page = items.Skip(offset).Take(size).ToList();
        if (offset + page.Count < items.Count)
        {
            context.Response.Headers.Link = $"<{NextUrl(context, origin, offset + page.Count)}>; rel=\"next\"";
        }

        return page;
    }

    private static string NextUrl(HttpContext context, Uri origin, int offset)
    {
        var parameters = context.Request.Query
            .Where(pair => pair.Key != "cursor")
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
            .Append(new KeyValuePair<string, string?>("cursor", WriteCursor(offset)));
        return origin.GetLeftPart(UriPartial.Authority) + RepoPath.RawPath(context) + QueryString.Create(parameters);
    }

    /// <summary>An opaque cursor, as the Hub's are (base64 of a position).</summary>
    private static string WriteCursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"offset\":{offset.ToString(CultureInfo.InvariantCulture)}}}")).TrimEnd('=');

    private static bool TryReadCursor(string cursor, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor.PadRight(cursor.Length + ((4 - (cursor.Length % 4)) % 4), '=')));
            return text.StartsWith("{\"offset\":", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(10, text.Length - 11), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
