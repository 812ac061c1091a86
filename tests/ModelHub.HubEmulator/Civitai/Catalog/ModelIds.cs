using System;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>
/// The ids of one generated model and everything under it. Generated ids live in ranges no recorded record uses
/// (recorded models are below 1.3 million, versions below 1.4 million, files below 1.3 million, images below 57 million).
/// </summary>
internal sealed class ModelIds
{
    public const int MaxVersions = 5;
    public const int MaxFiles = 8;
    public const int MaxImages = 8;

    /// <summary>Generated models the id ranges leave room for.</summary>
    public const int MaxGenerated = 200_000;

    private readonly int _versionBase;
    private readonly int _fileBase;
    private readonly long _imageBase;
    private readonly long _postBase;

    private ModelIds(int model, int versionBase, int fileBase, long imageBase, long postBase)
    {
        Model = model;
        _versionBase = versionBase;
        _fileBase = fileBase;
        _imageBase = imageBase;
        _postBase = postBase;
    }

    public int Model { get; }

    /// <summary>Generated model number <paramref name="index"/> (0-based): models from 1,500,001, versions from 3,000,000, files from 10,000,000, posts from 20,000,000, images from 70,000,000.</summary>
    public static ModelIds Generated(int index)
    {
        if (index is < 0 or >= MaxGenerated)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The Civitai catalogue holds at most {MaxGenerated} generated models.");
        }

        return new ModelIds(
            1_500_001 + index,
            3_000_000 + (index * MaxVersions),
            10_000_000 + (index * MaxVersions * MaxFiles),
            70_000_000L + ((long)index * MaxVersions * MaxImages),
            20_000_000L + ((long)index * MaxVersions));
    }

    /// <summary>Documented model number <paramref name="number"/> (1–9): model 90000N, its one version 90010N.</summary>
    public static ModelIds Showcase(int number) =>
        new(900_000 + number, 900_100 + number, 900_200 + (number * MaxFiles), 900_500 + (number * MaxImages), 900_400 + number);

    public int Version(int version) => _versionBase + version;

    public int File(int version, int file) => _fileBase + (version * MaxFiles) + file;

    public long Image(int version, int image) => _imageBase + (version * MaxImages) + image;

    public long Post(int version) => _postBase + version;
}
