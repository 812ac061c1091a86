using System;
using System.IO;

namespace ModelHub.HubEmulator.Content;

/// <summary>
/// Writes one DEFLATE block (RFC 1951) with the fixed Huffman codes, made of literal bytes and
/// back-references: enough to compress an image whose rows repeat, in time proportional to the output.
/// </summary>
internal sealed class FixedHuffmanDeflater
{
    /// <summary>The farthest back a reference may reach.</summary>
    public const int MaxDistance = 32768;

    private const int MaxMatch = 258;
    private const int MinMatch = 3;
    private const int EndOfBlock = 256;

    private static readonly int[] LengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly int[] LengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly int[] DistanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static readonly int[] DistanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

    private readonly MemoryStream _output = new();
    private ulong _bits;
    private int _bitCount;

    public FixedHuffmanDeflater()
    {
        WriteBits(1, 1); // BFINAL: the only block
        WriteBits(1, 2); // BTYPE 01: fixed Huffman codes
    }

    public void Literals(ReadOnlySpan<byte> bytes)
    {
        foreach (var value in bytes)
        {
            if (value < 144)
            {
                WriteCode(0x30 + value, 8);
            }
            else
            {
                WriteCode(0x190 + value - 144, 9);
            }
        }
    }

    /// <summary>Repeats <paramref name="length"/> bytes from <paramref name="distance"/> bytes back, in references of at most 258.</summary>
    public void Repeat(long length, int distance)
    {
        if (distance is < 1 or > MaxDistance)
        {
            throw new ArgumentOutOfRangeException(nameof(distance));
        }

        while (length > 0)
        {
            // Never leave a remainder shorter than the shortest reference.
            var take = length <= MaxMatch ? (int)length : length - MaxMatch < MinMatch ? (int)(length - MinMatch) : MaxMatch;
            if (take < MinMatch)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "A reference repeats at least 3 bytes.");
            }

            Reference(take, distance);
            length -= take;
        }
    }

    /// <summary>Ends the block and returns the compressed bytes.</summary>
    public byte[] Finish()
    {
        WriteSymbol(EndOfBlock);
        if (_bitCount > 0)
        {
            _output.WriteByte((byte)_bits);
        }

        return _output.ToArray();
    }

    private void Reference(int length, int distance)
    {
        var lengthCode = LastAtMost(LengthBases, length);
        WriteSymbol(257 + lengthCode);
        WriteBits((uint)(length - LengthBases[lengthCode]), LengthExtraBits[lengthCode]);
        var distanceCode = LastAtMost(DistanceBases, distance);
        WriteCode(distanceCode, 5);
        WriteBits((uint)(distance - DistanceBases[distanceCode]), DistanceExtraBits[distanceCode]);
    }

    private static int LastAtMost(int[] bases, int value)
    {
        var index = Array.BinarySearch(bases, value);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>A literal/length symbol (256 and up) in the fixed code.</summary>
    private void WriteSymbol(int symbol)
    {
        if (symbol < 280)
        {
            WriteCode(symbol - 256, 7);
        }
        else
        {
            WriteCode(0xC0 + symbol - 280, 8);
        }
    }

    /// <summary>Huffman codes go most significant bit first, unlike every other field.</summary>
    private void WriteCode(int code, int length)
    {
        var reversed = 0u;
        for (var i = 0; i < length; i++)
        {
            reversed |= (uint)((code >> i) & 1) << (length - 1 - i);
        }

        WriteBits(reversed, length);
    }

    private void WriteBits(uint value, int count)
    {
        _bits |= (ulong)value << _bitCount;
        _bitCount += count;
        while (_bitCount >= 8)
        {
            _output.WriteByte((byte)_bits);
            _bits >>= 8;
            _bitCount -= 8;
        }
    }
}
