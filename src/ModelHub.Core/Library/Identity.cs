using System;

namespace ModelHub.Library;

/// <summary>What one source (a sidecar, the cache layout, a hub lookup, a header) says a model is.</summary>
internal sealed record Identity
{
    public Identification By { get; init; } = Identification.Unidentified;

    public Hub? Hub { get; init; }

    public string? Id { get; init; }

    public string? VersionId { get; init; }

    public string? Name { get; init; }

    public string? VersionName { get; init; }

    public ModelType? Type { get; init; }

    public string? BaseModel { get; init; }

    public string? HubFileName { get; init; }

    /// <summary>Lowercase hex, when the source states it (so the file need not be hashed).</summary>
    public string? Sha256 { get; init; }

    public DateTimeOffset? InstalledAt { get; init; }

    public bool Pinned { get; init; }

    /// <summary>Whether it names a model on a hub (pipes into the hub cmdlets).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOnHub => Hub is not null && !string.IsNullOrEmpty(Id);

    /// <summary>The installed model this identity describes for <paramref name="entry"/>; the file's own facts fill what it leaves open.</summary>
    public InstalledModel For(FoundEntry entry) => new()
    {
        Hub = Hub,
        Id = Id,
        VersionId = VersionId,
        Name = string.IsNullOrWhiteSpace(Name) ? NameOf(entry.Path, entry.IsFolder) : Name!,
        VersionName = VersionName,
        Type = Type ?? entry.TypeHint,
        BaseModel = string.IsNullOrWhiteSpace(BaseModel) ? BaseModels.Unknown : BaseModel!,
        Tool = entry.Tool,
        Path = entry.Path,
        IsFolder = entry.IsFolder,
        HubFileName = HubFileName,
        Size = entry.Size,
        Sha256 = entry.IsFolder ? null : Sha256,
        InstalledAt = InstalledAt ?? new DateTimeOffset(entry.LastWriteUtc, TimeSpan.Zero),
        IdentifiedBy = By,
        Pinned = Pinned,
    };

    /// <summary>A file's name without its extension; a folder's whole name (a pipeline's name may hold dots).</summary>
    public static string NameOf(string path, bool isFolder) =>
        isFolder ? System.IO.Path.GetFileName(path.TrimEnd(System.IO.Path.DirectorySeparatorChar)) : System.IO.Path.GetFileNameWithoutExtension(path);
}
