namespace ModelHub.Installs;

/// <summary>How to install: where (a tool's layout or a plain folder), which files, and how to download them.</summary>
public sealed record InstallOptions
{
    /// <summary>The tool whose layout places the files; null uses the stored default (Set-HubConfiguration).</summary>
    public Tool? Tool { get; init; }

    /// <summary>The tool's folder; null uses the stored default.</summary>
    public string? ToolRoot { get; init; }

    /// <summary>A plain folder instead of a tool's layout.</summary>
    public string? Path { get; init; }

    /// <summary>Write sidecars and the install record (Install-HubModel); off for Save-HubModel.</summary>
    public bool WriteSidecars { get; init; } = true;

    /// <summary>A Civitai version id or a Hugging Face revision; null for the reference's version, else the latest.</summary>
    public string? VersionId { get; init; }

    public FileCriteria Criteria { get; init; } = new();

    /// <summary>Reinstall over a file that is already in place.</summary>
    public bool Force { get; init; }

    public int? MaxConnections { get; init; }

    /// <summary>
    /// A shared download cache (MODELHUB_CACHE or -CachePath): verified files kept by SHA-256, so each crosses the
    /// network once per site and is then hard-linked (same volume) or copied into place after its hash is checked.
    /// </summary>
    public string? CachePath { get; init; }

    /// <summary>Install a single chosen file exactly here (a manifest's target) instead of where placement puts it.</summary>
    public string? TargetPath { get; init; }

    public long? MaxBytesPerSecond { get; init; }

    /// <summary>Record the install as pinned (a manifest's pinned entry): update checks leave it alone.</summary>
    public bool Pinned { get; init; }
}
