using System;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.Content;

/// <summary>
/// Sample images: small valid PNGs and JPEGs of a given pixel size. Encoding takes time proportional to the
/// (small) output only, so catalogues can create many. Their bytes follow from the spec's seed and key
/// alone, not the emulator's seed, so <see cref="Create"/> knows the size: fold the emulator's seed into
/// <c>seed</c>.
/// </summary>
public static class ImageFiles
{
    /// <summary>An image file spec, its <see cref="FileSpec.Size"/> set to the encoded length.</summary>
    public static FileSpec Create(string key, int width, int height, ulong seed, FileLayout layout)
    {
        var spec = new FileSpec { Key = key, Size = 0, Layout = layout, Seed = seed, Width = width, Height = height };
        return spec with { Size = Encode(spec).Length };
    }

    public static string ContentType(FileLayout layout) => layout switch
    {
        FileLayout.Png => "image/png",
        FileLayout.Jpeg => "image/jpeg",
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Not an image layout."),
    };

    internal static byte[] Encode(FileSpec spec)
    {
        var seed = Seeds.Combine(spec.Seed, Seeds.OfText(spec.Key));
        return spec.Layout switch
        {
            FileLayout.Png => PngEncoder.Encode(spec.Width, spec.Height, seed),
            FileLayout.Jpeg => JpegEncoder.Encode(spec.Width, spec.Height, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Layout, "Not an image layout."),
        };
    }
}
