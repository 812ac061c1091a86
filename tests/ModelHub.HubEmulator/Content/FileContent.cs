using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.Content;

/// <summary>
/// The bytes of every served file, generated from its spec and the emulator's seed: streamed, never held
/// in memory (but for text and images, which are small), and the same on every run.
/// </summary>
public sealed class FileContent
{
    /// <summary>Changes whenever the bytes generated for a spec change, so that hashes kept on disk are computed again.</summary>
    private const int GeneratorVersion = 1;

    private readonly ulong _emulatorSeed;

    public FileContent(EmulatorOptions options)
    {
        _emulatorSeed = options.Seed;
    }

    /// <summary>A read-only stream of the file's bytes from <paramref name="offset"/> to its end.</summary>
    public Stream Open(FileSpec spec, long offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, spec.Size);
        return new GeneratedFileStream(Prefix(spec), spec.Size, offset, SeedOf(spec));
    }

    /// <summary>Where a safetensors file's tensor data starts (8 + the header length); null for other layouts.</summary>
    internal long? TensorDataOffset(FileSpec spec) => spec.Layout == FileLayout.SafeTensors ? Prefix(spec).Length : null;

    /// <summary>Everything a file's bytes follow from, as text: equal identities, equal bytes.</summary>
    internal string Identity(FileSpec spec)
    {
        var identity = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"v{GeneratorVersion}|{_emulatorSeed}|{spec.Key}|{spec.Size}|{spec.Layout}|{spec.Seed}|{spec.Width}x{spec.Height}")
            .Append(CultureInfo.InvariantCulture, $"|{Seeds.OfText(spec.Text ?? string.Empty):x16}");
        foreach (var (key, value) in spec.Metadata ?? new Dictionary<string, string>())
        {
            identity.Append(CultureInfo.InvariantCulture, $"|{key}={value}");
        }

        return identity.ToString();
    }

    /// <summary>The bytes a file starts with, before its generated part: a header, or all of a text or image file.</summary>
    private ReadOnlyMemory<byte> Prefix(FileSpec spec) => spec.Layout switch
    {
        FileLayout.SafeTensors => SafeTensorsHeader.Build(spec, SeedOf(spec)),
        FileLayout.Pickle => PickleHeader.Bytes,
        FileLayout.Binary => ReadOnlyMemory<byte>.Empty,
        FileLayout.Text => WholeFile(spec, Encoding.UTF8.GetBytes(spec.Text ?? throw new ArgumentException($"Text file '{spec.Key}' has no Text.", nameof(spec)))),
        FileLayout.Png or FileLayout.Jpeg => WholeFile(spec, ImageFiles.Encode(spec)),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Layout, "Unknown file layout."),
    };

    /// <summary>The seed of one file's bytes: the emulator's seed, the spec's seed and its key (hashes kept on disk depend on it).</summary>
    private ulong SeedOf(FileSpec spec) => Seeds.Combine(Seeds.Combine(_emulatorSeed, spec.Seed), Seeds.OfText(spec.Key));

    private static byte[] WholeFile(FileSpec spec, byte[] bytes) => bytes.Length == spec.Size
        ? bytes
        : throw new ArgumentException($"File '{spec.Key}' says it has {spec.Size} bytes but its content has {bytes.Length}.", nameof(spec));
}
