using System;
using System.IO;
using System.Security.Cryptography;
using ModelHub.Downloads;

namespace ModelHub.Installs;

/// <summary>Tells whether a sidecar a record lists is still as ModelHub wrote it (and so still ModelHub's, not the user's).</summary>
public static class SidecarFiles
{
    /// <summary>The sidecar's path beside the record's folder.</summary>
    public static string PathOf(string folder, InstallRecordSidecar sidecar) => Path.Combine(folder, Path.GetFileName(sidecar.Name));

    /// <summary>True when the file exists with the SHA-256 recorded when it was written.</summary>
    public static bool IsUnchanged(string folder, InstallRecordSidecar sidecar)
    {
        var path = PathOf(folder, sidecar);
        return File.Exists(path) && string.Equals(Sha256Of(path), sidecar.Sha256, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A small file's SHA-256, lowercase hex.</summary>
    public static string Sha256Of(string path)
    {
        using var sha256 = SHA256.Create();
        using var stream = File.OpenRead(path);
        return FrontierHasher.Hex(sha256.ComputeHash(stream));
    }
}
