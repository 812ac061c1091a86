using System;
using System.Collections.Generic;
using System.IO.Hashing;
using System.Text;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// The choices behind the generated catalogue: the same seed and purpose give the same sequence on every
/// run and machine (string.GetHashCode differs per process, a seeded System.Random does not).
/// </summary>
internal sealed class CatalogRandom
{
    private readonly Random _random;

    public CatalogRandom(ulong seed, string purpose)
    {
        _random = new Random(unchecked((int)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{seed}/{purpose}"))));
    }

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public long NextLong(long minInclusive, long maxExclusive) => _random.NextInt64(minInclusive, maxExclusive);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A 64-bit value to seed one file's bytes.</summary>
    public ulong NextSeed() => unchecked((ulong)_random.NextInt64());

    public string Hex(int length)
    {
        var bytes = new byte[(length + 1) / 2];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes)[..length];
    }
}
