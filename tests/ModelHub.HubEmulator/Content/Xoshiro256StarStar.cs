using System.Numerics;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.Content;

/// <summary>The xoshiro256** generator (Blackman and Vigna): fast, small state, good statistical quality.</summary>
internal struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        // Seeded through SplitMix64, as its authors recommend, so no state is all zero.
        _s0 = Seeds.Mix(seed);
        _s1 = Seeds.Mix(_s0);
        _s2 = Seeds.Mix(_s1);
        _s3 = Seeds.Mix(_s2);
    }

    public ulong Next()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var shifted = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= shifted;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A whole number in [0, <paramref name="bound"/>).</summary>
    public int NextInt(int bound) => (int)(Next() % (ulong)bound);
}
