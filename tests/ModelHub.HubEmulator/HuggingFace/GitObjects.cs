using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>The git and LFS identifiers the Hub reports, derived as git and git-lfs derive them.</summary>
internal static class GitObjects
{
    /// <summary>The LFS pointer file git stores in place of an LFS file's bytes.</summary>
    public static string LfsPointer(string sha256, long size) =>
        $"version https://git-lfs.github.com/spec/v1\noid sha256:{sha256}\nsize {size.ToString(CultureInfo.InvariantCulture)}\n";

    /// <summary>The git blob id of a text: SHA-1 of "blob &lt;size&gt;\0" and the bytes (for LFS files, of the pointer).</summary>
    public static string BlobId(string text)
    {
        var content = Encoding.UTF8.GetBytes(text);
        var header = Encoding.ASCII.GetBytes($"blob {content.Length.ToString(CultureInfo.InvariantCulture)}\0");
        return Sha1Hex([.. header, .. content]);
    }

    /// <summary>
    /// The Xet file id the emulator reports. A real one is a Merkle hash over content-defined chunks, which only
    /// the Xet CAS protocol needs; the emulator does not implement that protocol, so a stable 64-hex derived
    /// from the SHA-256 stands in for it.
    /// </summary>
    public static string XetHash(string sha256) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("xet-file-id/" + sha256)));

    /// <summary>A stable 40-hex commit id for a generated commit.</summary>
    public static string CommitId(string repoId, string label) => Sha1Hex(Encoding.UTF8.GetBytes($"commit/{repoId}/{label}"));

    /// <summary>
    /// A folder's oid: changes whenever a file below it changes. (Not the real git tree id, which would need every
    /// file below it hashed.)
    /// </summary>
    public static string FolderOid(string folder, IEnumerable<string> fileKeys) =>
        Sha1Hex(Encoding.UTF8.GetBytes("tree/" + folder + "/" + string.Join('\n', fileKeys)));

    /// <summary>A MongoDB ObjectId as the Hub's <c>_id</c>: 4 bytes of creation time, then 8 random bytes.</summary>
    public static string ObjectId(DateTimeOffset created, SeededRandom random) =>
        ((uint)created.ToUnixTimeSeconds()).ToString("x8", CultureInfo.InvariantCulture) + random.Hex(16);

    private static string Sha1Hex(byte[] bytes) => Convert.ToHexStringLower(SHA1.HashData(bytes));
}
