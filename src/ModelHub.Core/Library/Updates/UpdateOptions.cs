namespace ModelHub.Library.Updates;

/// <summary>How Update-HubModel installs an update.</summary>
public sealed class UpdateOptions
{
    /// <summary>Remove the old file and the sidecars ModelHub wrote for it once the new one is in place.</summary>
    public bool RemoveOld { get; init; }

    /// <summary>Install the new version under the old file's name (replacing it).</summary>
    public bool KeepFileName { get; init; }

    /// <summary>Allow a pickle file when the installed one was of that kind.</summary>
    public bool AllowPickle { get; init; }

    public int? MaxConnections { get; init; }

    public long? MaxBytesPerSecond { get; init; }
}
