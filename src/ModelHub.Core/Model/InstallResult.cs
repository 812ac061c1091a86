namespace ModelHub;

/// <summary>One installed (or saved) file (PSTypeName ModelHub.InstallResult).</summary>
public sealed class InstallResult
{
    public Hub Hub { get; init; }

    public string Id { get; init; } = string.Empty;

    public string VersionId { get; init; } = string.Empty;

    /// <summary>The installed file's name (a diffusers file: its path inside the folder).</summary>
    public string FileName { get; init; } = string.Empty;

    public string Path { get; init; } = string.Empty;

    public long Size { get; init; }

    public string Sha256 { get; init; } = string.Empty;

    /// <summary>True when the hub's hash matched; false when the hub gave none (checked by size only).</summary>
    public bool Verified { get; init; }

    public bool Resumed { get; init; }

    /// <summary>True when the file was already in place with the right hash: nothing was downloaded.</summary>
    public bool Skipped { get; init; }

    /// <summary>True when the file came from the shared download cache (-CachePath, MODELHUB_CACHE), not the network.</summary>
    public bool FromCache { get; init; }

    public double Seconds { get; init; }

    public double BytesPerSecond { get; init; }

    public Tool? Tool { get; init; }

    /// <summary>The placement rule in words.</summary>
    public string? Rule { get; init; }

    public override string ToString() => Path;
}
