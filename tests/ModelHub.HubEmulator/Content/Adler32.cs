using System;

namespace ModelHub.HubEmulator.Content;

/// <summary>The Adler-32 checksum zlib streams end with, able to append a repeated run without reading it again.</summary>
internal sealed class Adler32
{
    private const uint Modulus = 65521;

    private ulong _sum = 1;
    private ulong _sumOfSums;

    public uint Value => (uint)((_sumOfSums << 16) | _sum);

    /// <summary>Appends <paramref name="bytes"/> <paramref name="times"/> times over.</summary>
    public void AppendRepeated(ReadOnlySpan<byte> bytes, int times)
    {
        // For a run of L bytes: sum += Σb, sumOfSums += L·sum + Σ(L−i)·b_i, each modulo 65521.
        ulong runSum = 0;
        ulong runWeighted = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            runSum = (runSum + bytes[i]) % Modulus;
            runWeighted = (runWeighted + ((ulong)(bytes.Length - i) * bytes[i])) % Modulus;
        }

        var length = (ulong)bytes.Length % Modulus;
        for (var i = 0; i < times; i++)
        {
            _sumOfSums = (_sumOfSums + (length * _sum) + runWeighted) % Modulus;
            _sum = (_sum + runSum) % Modulus;
        }
    }
}
