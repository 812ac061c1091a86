using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ModelHub.HubEmulator.Content;

/// <summary>
/// Hashes of large files kept on disk between runs: one small JSON file per file identity (key, size,
/// seeds, generator version…), written atomically. A cache that cannot be read or written is skipped.
/// </summary>
internal sealed class HashDiskCache
{
    private readonly string _folder;

    public HashDiskCache(string folder)
    {
        _folder = folder;
    }

    public FileHashes? TryRead(string identity)
    {
        try
        {
            // A file edited by hand may lack hashes: then it is as good as absent.
            return JsonSerializer.Deserialize<FileHashes>(File.ReadAllBytes(PathOf(identity)))
                is { Sha256.Length: 64, AutoV1.Length: 8, AutoV2.Length: 10, Crc32.Length: 8, Blake3.Length: 64 } hashes
                ? hashes
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Write(string identity, FileHashes hashes)
    {
        var path = PathOf(identity);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(_folder);
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(hashes));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Only a cache: the hashes are computed again next time.
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private string PathOf(string identity) =>
        Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32] + ".json");
}
