using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.Content;

/// <summary>
/// The pseudo-random bytes of one file, at any offset without generating what comes before it. A base
/// block of 1 MiB is drawn once from the file's seed; block k of the file is that base XOR a 64-bit
/// pattern derived from k. So every MiB differs (a resume at a wrong offset changes the hash) and
/// filling is one vectorized XOR: several GB/s.
/// </summary>
internal sealed class GeneratedBytes : IDisposable
{
    public const int BlockSize = 1 << BlockShift;
    private const int BlockShift = 20;

    private readonly byte[] _base;
    private readonly int _baseLength;
    private readonly ulong _seed;

    /// <param name="seed">The file's seed (from <see cref="FileContent"/>).</param>
    /// <param name="size">The file's size: a smaller file needs only that much of the base block.</param>
    public GeneratedBytes(ulong seed, long size)
    {
        _seed = seed;
        _baseLength = (int)Math.Min(BlockSize, (size + 7) & ~7L);
        _base = ArrayPool<byte>.Shared.Rent(Math.Max(_baseLength, 8));
        var random = new Xoshiro256StarStar(seed);
        foreach (ref var word in MemoryMarshal.Cast<byte, ulong>(_base.AsSpan(0, _baseLength)))
        {
            word = random.Next();
        }
    }

    /// <summary>Writes the bytes at <paramref name="position"/> onwards into <paramref name="destination"/>.</summary>
    public void Fill(Span<byte> destination, long position)
    {
        while (!destination.IsEmpty)
        {
            var within = (int)(position & (BlockSize - 1));
            var count = Math.Min(destination.Length, _baseLength - within);
            if (count <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(position), "The position is past the size this generator was made for.");
            }

            // The pattern is rotated so that its byte (within mod 8) lands on the first byte written.
            var pattern = BitOperations.RotateRight(Seeds.Mix(_seed ^ (ulong)(position >> BlockShift)), 8 * (within & 7));
            XorWithPattern(_base.AsSpan(within, count), pattern, destination[..count]);
            destination = destination[count..];
            position += count;
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_base);

    private static void XorWithPattern(ReadOnlySpan<byte> source, ulong pattern, Span<byte> destination)
    {
        var mask = Vector.AsVectorByte(new Vector<ulong>(pattern));
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref MemoryMarshal.GetReference(destination);
        var length = (nuint)source.Length;
        var width = (nuint)Vector<byte>.Count;
        nuint i = 0;
        for (; i + (4 * width) <= length; i += 4 * width)
        {
            (Vector.LoadUnsafe(ref from, i) ^ mask).StoreUnsafe(ref to, i);
            (Vector.LoadUnsafe(ref from, i + width) ^ mask).StoreUnsafe(ref to, i + width);
            (Vector.LoadUnsafe(ref from, i + (2 * width)) ^ mask).StoreUnsafe(ref to, i + (2 * width));
            (Vector.LoadUnsafe(ref from, i + (3 * width)) ^ mask).StoreUnsafe(ref to, i + (3 * width));
        }

        for (; i + width <= length; i += width)
        {
            (Vector.LoadUnsafe(ref from, i) ^ mask).StoreUnsafe(ref to, i);
        }

        // The vector width is a multiple of 8, so the pattern's phase still starts at byte 0 here.
        for (; i < length; i++)
        {
            destination[(int)i] = (byte)(source[(int)i] ^ (byte)(pattern >> (int)(8 * (i & 7))));
        }
    }
}
