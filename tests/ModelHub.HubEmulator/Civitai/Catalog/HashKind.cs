using System;
using System.Collections.Generic;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>The hash kinds Civitai reports for a file (ModelHashType), in the order its JSON lists them.</summary>
internal enum HashKind
{
    AutoV1,
    AutoV2,
    SHA256,
    CRC32,
    BLAKE3,
    AutoV3,
}

internal static class HashKinds
{
    /// <summary>Every kind: what a modern safetensors file reports.</summary>
    public static readonly IReadOnlyList<HashKind> All = Enum.GetValues<HashKind>();

    /// <summary>A modern pickle file: AutoV3 covers safetensors tensor data only.</summary>
    public static readonly IReadOnlyList<HashKind> WithoutAutoV3 = [HashKind.AutoV1, HashKind.AutoV2, HashKind.SHA256, HashKind.CRC32, HashKind.BLAKE3];

    /// <summary>What 2023 records and small non-model files (configs, archives) report.</summary>
    public static readonly IReadOnlyList<HashKind> Legacy = [HashKind.AutoV2, HashKind.SHA256, HashKind.CRC32, HashKind.BLAKE3];

    /// <summary>A file Civitai only partly hashed.</summary>
    public static readonly IReadOnlyList<HashKind> Partial = [HashKind.AutoV2, HashKind.SHA256];

    public static readonly IReadOnlyList<HashKind> None = [];

    /// <summary>The value Civitai shows: uppercase hex; null when the file has no such hash (AutoV3 of a non-safetensors file).</summary>
    public static string? Value(FileHashes hashes, HashKind kind) => (kind switch
    {
        HashKind.AutoV1 => hashes.AutoV1,
        HashKind.AutoV2 => hashes.AutoV2,
        HashKind.SHA256 => hashes.Sha256,
        HashKind.CRC32 => hashes.Crc32,
        HashKind.BLAKE3 => hashes.Blake3,
        _ => hashes.AutoV3,
    })?.ToUpperInvariant();

    public static bool TryParse(string name, out HashKind kind) => Enum.TryParse(name, ignoreCase: false, out kind) && Enum.IsDefined(kind);
}
