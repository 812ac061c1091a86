using System.Collections.Generic;
using ModelHub.HubEmulator.Content;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>Makes the files of one repository: keys unique per repository, path and version; bytes seeded per file.</summary>
internal sealed class RepoFileFactory
{
    private const long KiB = 1024;
    private const long MiB = 1024 * KiB;

    private readonly string _repoId;
    private readonly SeededRandom _random;

    public RepoFileFactory(string repoId, SeededRandom random)
    {
        _repoId = repoId;
        _random = random;
    }

    public HfFile Text(string path, string text, int version = 1) => new(path, FileSpec.ForText(Key(path, version), text));

    /// <summary>
    /// A binary file (weights, archives; images take their encoded size): its layout follows from its name. With
    /// <paramref name="declaredHashes"/>, those are reported instead of hashing its bytes.
    /// </summary>
    public HfFile Binary(string path, long size, int version = 1, IReadOnlyDictionary<string, string>? metadata = null, FileHashes? declaredHashes = null)
    {
        var layout = RepoFileKinds.LayoutFor(path);
        if (layout is FileLayout.Png or FileLayout.Jpeg)
        {
            return Image(path, version);
        }

        return new HfFile(path, new FileSpec
        {
            Key = Key(path, version),
            Size = size,
            Layout = layout,
            Seed = _random.NextULong(),
            Metadata = layout == FileLayout.SafeTensors ? metadata ?? new Dictionary<string, string> { ["format"] = "pt" } : null,
            DeclaredHashes = declaredHashes,
        });
    }

    /// <summary>A size drawn in [<paramref name="minKiB"/>, <paramref name="maxKiB"/>] KiB.</summary>
    public long SizeKiB(long minKiB, long maxKiB) => _random.Between(minKiB * KiB, maxKiB * KiB);

    public long SizeMiB(long minMiB, long maxMiB) => _random.Between(minMiB * MiB, maxMiB * MiB);

    /// <summary>A sample image, square or portrait; half the usual SD sizes, since every image is encoded when its repo is first shown.</summary>
    public HfFile Image(string path, int version = 1)
    {
        var portrait = _random.Chance(0.5);
        return new HfFile(path, ImageFiles.Create(Key(path, version), portrait ? 416 : 512, portrait ? 608 : 512, _random.NextULong(), RepoFileKinds.LayoutFor(path)));
    }

    public bool Chance(double probability) => _random.Chance(probability);

    private string Key(string path, int version) => $"hf/{_repoId}/{path}@{version}";
}
