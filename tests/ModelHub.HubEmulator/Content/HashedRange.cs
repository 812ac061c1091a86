using System;

namespace ModelHub.HubEmulator.Content;

/// <summary>A hash fed only the bytes of the file that fall in [<see cref="Start"/>, <see cref="End"/>).</summary>
internal sealed class HashedRange
{
    private readonly Action<ReadOnlySpan<byte>> _append;

    public HashedRange(long start, long end, Action<ReadOnlySpan<byte>> append)
    {
        Start = start;
        End = Math.Max(start, end);
        _append = append;
    }

    public long Start { get; }

    public long End { get; }

    /// <summary>Feeds the part of <paramref name="chunk"/> (the file's bytes from <paramref name="position"/>) that lies in the range.</summary>
    public void Feed(ReadOnlySpan<byte> chunk, long position)
    {
        var from = Math.Max(Start, position);
        var to = Math.Min(End, position + chunk.Length);
        if (from < to)
        {
            _append(chunk.Slice((int)(from - position), (int)(to - from)));
        }
    }
}
