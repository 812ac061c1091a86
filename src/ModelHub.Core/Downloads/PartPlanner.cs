using System;
using System.Collections.Generic;

namespace ModelHub.Downloads;

/// <summary>How many connections a file gets, and the parts they fetch.</summary>
internal static class PartPlanner
{
    /// <summary>No part is smaller than this: below it, a request's round trip costs more than a connection gains.</summary>
    public const long MinPartSize = 16L << 20;

    /// <summary>Files smaller than this use one connection unless the caller asks for more.</summary>
    public const long SeveralConnectionsFrom = 64L << 20;

    public const int DefaultMaxConnections = 4;

    public const int MostConnections = 16;

    /// <summary>
    /// The connections for a file of <paramref name="size"/> bytes: <paramref name="requested"/> when given, else one
    /// below <see cref="SeveralConnectionsFrom"/> and up to <see cref="DefaultMaxConnections"/> above; never more than
    /// parts of <see cref="MinPartSize"/> fit in the file. An unknown size gets one.
    /// </summary>
    public static int Connections(long? size, int? requested)
    {
        if (size is not { } total)
        {
            return 1;
        }

        var fitting = (int)Math.Max(1, Math.Min(MostConnections, total / MinPartSize));
        if (requested is { } count)
        {
            return Math.Min(count, fitting);
        }

        return total < SeveralConnectionsFrom ? 1 : Math.Min(DefaultMaxConnections, fitting);
    }

    /// <summary>
    /// The parts of a file. One connection: one part, the whole file (to its end when the size is unknown). Several:
    /// parts taken in file order, each a share of what remains, so they shrink towards the end; the SHA-256, which
    /// must follow the file in order, then trails the newest bytes by little, and the last parts finish together.
    /// </summary>
    public static List<DownloadPart> Plan(long? size, int connections)
    {
        if (connections <= 1 || size is not { } total)
        {
            return new List<DownloadPart> { new(0, size - 1, 0) };
        }

        var parts = new List<DownloadPart>();
        for (long from = 0; from < total;)
        {
            var remaining = total - from;
            var length = Math.Max(MinPartSize, remaining / (2 * connections));
            if (remaining - length < MinPartSize)
            {
                length = remaining;
            }

            parts.Add(new DownloadPart(from, from + length - 1, 0));
            from += length;
        }

        return parts;
    }
}
