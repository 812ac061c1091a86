using System.Text.Json;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// A file of a tree listing: its path, its real size, its git blob id (for an LFS file, the pointer's) and, for
/// an LFS file, the sha256 of its content (lfs.oid).
/// </summary>
internal sealed record TreeFile(string Path, long? Size, string? GitOid, string? LfsSha256)
{
    /// <summary>Reads a tree entry: null for a folder; throws <see cref="JsonException"/> for a file without a path.</summary>
    public static TreeFile? Read(JsonElement entry)
    {
        if (JsonValues.Text(entry, "type") != "file")
        {
            return null;
        }

        return JsonValues.Text(entry, "path") is { Length: > 0 } path
            ? new TreeFile(path, JsonValues.Number(entry, "size"), JsonValues.Text(entry, "oid"), JsonValues.Text(JsonValues.Member(entry, "lfs"), "oid"))
            : throw new JsonException("A file of the tree has no path.");
    }
}
