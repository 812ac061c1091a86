using System.IO.Hashing;
using System.Text;

namespace ModelHub.HubEmulator.Generation;

/// <summary>How generated records and bytes derive their seeds: stable across runs and machines.</summary>
internal static class Seeds
{
    /// <summary>SplitMix64's increment (2^64 / φ): <see cref="Mix"/> of a state stepped by it is the SplitMix64 sequence.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    public static ulong Combine(ulong first, ulong second) => Mix(first ^ Mix(second));

    /// <summary>A stable 64-bit digest of a string (string.GetHashCode differs per process).</summary>
    public static ulong OfText(string text) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(text));

    /// <summary>The SplitMix64 step: a bijective scramble of a 64-bit value.</summary>
    public static ulong Mix(ulong value)
    {
        value += Gamma;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
