using System;
using System.IO;
using System.Numerics;
using System.Text;

namespace ModelHub.HubEmulator.Content;

/// <summary>
/// A valid baseline JPEG (JFIF, YCbCr 4:4:4) of any size in a few milliseconds: every 8×8 block is flat,
/// so only DC coefficients are coded, forming a diagonal luma gradient over seeded colours. A comment
/// segment names the seed.
/// </summary>
internal static class JpegEncoder
{
    private const int Components = 3;
    private const byte Quantizer = 8; // a DC value of v−128 decodes to the sample v

    // Annex K.3: the standard DC tables (code length counts for 1–16 bits; symbols are categories 0–11).
    private static readonly byte[] LumaDcLengths = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] ChromaDcLengths = [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    private static readonly byte[] DcSymbols = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

    // Flat blocks need one AC symbol only: end of block, coded as a single 0 bit.
    private static readonly byte[] AcLengths = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] AcSymbols = [0x00];

    public static byte[] Encode(int width, int height, ulong seed)
    {
        if (width is < 1 or > ushort.MaxValue || height is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A JPEG is 1 to 65535 pixels each way, not {width}x{height}.");
        }

        using var jpeg = new MemoryStream();
        Marker(jpeg, 0xD8); // SOI
        Segment(jpeg, 0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(jpeg, 0xFE, Encoding.ASCII.GetBytes($"modelhub-emulator seed {seed:x16}"));
        var quantization = new byte[65];
        quantization.AsSpan(1).Fill(Quantizer);
        Segment(jpeg, 0xDB, quantization);
        Segment(jpeg, 0xC0,
        [
            8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, Components,
            1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0,
        ]);
        Segment(jpeg, 0xC4, HuffmanTable(0x00, LumaDcLengths, DcSymbols));
        Segment(jpeg, 0xC4, HuffmanTable(0x01, ChromaDcLengths, DcSymbols));
        Segment(jpeg, 0xC4, HuffmanTable(0x10, AcLengths, AcSymbols));
        Segment(jpeg, 0xDA, [Components, 1, 0x00, 2, 0x10, 3, 0x10, 0, 63, 0]);
        jpeg.Write(EntropyCoded(width, height, seed));
        Marker(jpeg, 0xD9); // EOI
        return jpeg.ToArray();
    }

    private static byte[] EntropyCoded(int width, int height, ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var (lumaFrom, lumaTo) = (16 + random.NextInt(80), 160 + random.NextInt(80));
        int[] chroma = [64 + random.NextInt(128), 64 + random.NextInt(128)];
        var luma = new HuffmanCode(LumaDcLengths, DcSymbols);
        var chromaDc = new HuffmanCode(ChromaDcLengths, DcSymbols);
        var ac = new HuffmanCode(AcLengths, AcSymbols);
        var writer = new BitWriter();
        Span<int> previous = stackalloc int[Components];
        var (columns, rows) = ((width + 7) / 8, (height + 7) / 8);
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var y = lumaFrom + ((lumaTo - lumaFrom) * (row + column) / Math.Max(1, rows + columns - 2));
                Span<int> samples = [y, chroma[0], chroma[1]];
                for (var component = 0; component < Components; component++)
                {
                    var value = samples[component] - 128;
                    WriteDifference(writer, component == 0 ? luma : chromaDc, value - previous[component]);
                    previous[component] = value;
                    ac.Write(writer, 0x00); // end of block: every AC coefficient is zero
                }
            }
        }

        return writer.Finish();
    }

    /// <summary>A DC difference: its magnitude category, then that many bits (one's complement when negative).</summary>
    private static void WriteDifference(BitWriter writer, HuffmanCode code, int difference)
    {
        var category = difference == 0 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)Math.Abs(difference));
        code.Write(writer, category);
        writer.Write((uint)(difference < 0 ? difference - 1 : difference) & ((1u << category) - 1), category);
    }

    private static byte[] HuffmanTable(byte classAndId, byte[] lengths, byte[] symbols)
    {
        var table = new byte[1 + lengths.Length + symbols.Length];
        table[0] = classAndId;
        lengths.CopyTo(table, 1);
        symbols.CopyTo(table, 1 + lengths.Length);
        return table;
    }

    private static void Marker(Stream jpeg, byte marker)
    {
        jpeg.WriteByte(0xFF);
        jpeg.WriteByte(marker);
    }

    private static void Segment(Stream jpeg, byte marker, ReadOnlySpan<byte> payload)
    {
        Marker(jpeg, marker);
        var length = payload.Length + 2;
        jpeg.WriteByte((byte)(length >> 8));
        jpeg.WriteByte((byte)length);
        jpeg.Write(payload);
    }

    /// <summary>Canonical Huffman codes from a DHT's length counts (Annex C).</summary>
    private sealed class HuffmanCode
    {
        private readonly (int Code, int Length)[] _codes = new (int, int)[256];

        public HuffmanCode(byte[] lengths, byte[] symbols)
        {
            var code = 0;
            var next = 0;
            for (var length = 1; length <= lengths.Length; length++)
            {
                for (var i = 0; i < lengths[length - 1]; i++)
                {
                    _codes[symbols[next++]] = (code++, length);
                }

                code <<= 1;
            }
        }

        public void Write(BitWriter writer, int symbol) => writer.Write((uint)_codes[symbol].Code, _codes[symbol].Length);
    }

    /// <summary>Entropy-coded bits, most significant first, with a 0x00 stuffed after every 0xFF byte.</summary>
    private sealed class BitWriter
    {
        private readonly MemoryStream _output = new();
        private uint _bits;
        private int _count;

        public void Write(uint value, int count)
        {
            for (var i = count - 1; i >= 0; i--)
            {
                _bits = (_bits << 1) | ((value >> i) & 1);
                if (++_count == 8)
                {
                    Flush();
                }
            }
        }

        /// <summary>Pads the last byte with 1 bits, as the standard asks.</summary>
        public byte[] Finish()
        {
            if (_count > 0)
            {
                Write((1u << (8 - _count)) - 1, 8 - _count);
            }

            return _output.ToArray();
        }

        private void Flush()
        {
            _output.WriteByte((byte)_bits);
            if (_bits == 0xFF)
            {
                _output.WriteByte(0x00);
            }

            _bits = 0;
            _count = 0;
        }
    }
}
