namespace ModelHub.Discovery;

/// <summary>A file a hub knows by its SHA-256: the version it belongs to, that file, and what the model is.</summary>
public sealed class HashMatch
{
    /// <summary>The hash asked about, lowercase hex.</summary>
    public string Sha256 { get; init; } = string.Empty;

    public string ModelName { get; init; } = string.Empty;

    public ModelType Type { get; init; }

    /// <summary>The version, with its files.</summary>
    public ModelVersion Version { get; init; } = null!;

    /// <summary>The version's file with that hash.</summary>
    public ModelFile File { get; init; } = null!;
}
