using System;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace ModelHub.HubEmulator.Cdn;

/// <summary>
/// The part of an object a GET or HEAD asks for, as S3 reads the Range header: one range → 206; none, a
/// malformed one, several, or a stale If-Range → the whole object (200); a range past the end → 416.
/// </summary>
internal readonly record struct ByteRange(long From, long Length, bool IsPartial, bool IsUnsatisfiable)
{
    public long To => From + Length - 1;

    public static ByteRange Select(HttpRequest request, long size, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var whole = new ByteRange(0, size, IsPartial: false, IsUnsatisfiable: false);
        var unsatisfiable = new ByteRange(0, 0, IsPartial: false, IsUnsatisfiable: true);
        var headers = request.GetTypedHeaders();
        if (headers.Range is not { } range || !"bytes".Equals(range.Unit.Value, StringComparison.OrdinalIgnoreCase) || range.Ranges.Count != 1
            || !IfRangeHolds(headers, etag, lastModified))
        {
            return whole;
        }

        var item = range.Ranges.First();
        if (item.From is not { } from)
        {
            // bytes=-n: the last n bytes.
            var suffix = item.To ?? 0;
            return suffix == 0 || size == 0 ? unsatisfiable : new ByteRange(Math.Max(0, size - suffix), Math.Min(suffix, size), true, false);
        }

        if (from >= size)
        {
            return unsatisfiable;
        }

        var to = Math.Min(item.To ?? size - 1, size - 1);
        return new ByteRange(from, to - from + 1, true, false);
    }

    /// <summary>If-Range: serve the range only if the object is still the one the client has (strong ETag or exact date).</summary>
    private static bool IfRangeHolds(RequestHeaders headers, EntityTagHeaderValue etag, DateTimeOffset lastModified) => headers.IfRange switch
    {
        null => true,
        { EntityTag: { } tag } => tag.Compare(etag, useStrongComparison: true),
        { LastModified: { } date } => date == lastModified,
        _ => false,
    };
}
