namespace ModelHub.HubEmulator.Content;

/// <summary>
/// Every hash the hubs report for a file, lowercase hex. Civitai shows them uppercase.
/// </summary>
/// <param name="Sha256">SHA-256 of the whole file (Civitai SHA256, Hugging Face lfs.oid / X-Linked-Etag).</param>
/// <param name="AutoV1">First 8 hex of the SHA-256 of the 64 KiB at offset 1 MiB (A1111's old model hash).</param>
/// <param name="AutoV2">First 10 hex of <paramref name="Sha256"/>.</param>
/// <param name="AutoV3">First 12 hex of the SHA-256 of a safetensors file's tensor data (after the header); null for other files.</param>
/// <param name="Crc32">CRC-32 of the whole file, 8 hex.</param>
/// <param name="Blake3">BLAKE3 of the whole file, 64 hex.</param>
/// <param name="GitBlobSha1">The git blob id: SHA-1 of "blob &lt;size&gt;\0" + content, 40 hex; only for files of at most <see cref="GitBlobLimit"/> bytes (larger ones are LFS files).</param>
public sealed record FileHashes(string Sha256, string AutoV1, string AutoV2, string? AutoV3, string Crc32, string Blake3, string? GitBlobSha1)
{
    /// <summary>Files up to this size are plain git files on Hugging Face; larger ones are LFS files.</summary>
    public const long GitBlobLimit = 10 * 1024 * 1024;

    /// <summary>
    /// The hashes of a file too large to hash (<see cref="OversizedFile"/>), all from one declared SHA-256: AutoV2 is its
    /// first 10 hex as always; AutoV1 and CRC32 its first 8, AutoV3 its first 12, BLAKE3 the same 64. An LFS file: no git blob id.
    /// </summary>
    public static FileHashes Declared(string sha256) => new(sha256, sha256[..8], sha256[..10], sha256[..12], sha256[..8], sha256, GitBlobSha1: null);
}
