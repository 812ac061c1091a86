using System;
using System.Text.Json;
using ModelHub.Settings;

namespace ModelHub.Hubs.Civitai;

/// <summary>One entry of a version's files[] as a <see cref="ModelFile"/> (both schemas: civitai-api.md "File object").</summary>
internal static class CivitaiFileMapper
{
    public static ModelFile Map(JsonElement file, string modelId, string versionId, HubEndpoint endpoint)
    {
        var metadata = file.Field("metadata") ?? default;
        var hashes = file.Field("hashes") ?? default;
        var name = file.Text("name") ?? string.Empty;
        return new ModelFile
        {
            Hub = Hub.Civitai,
            ModelId = modelId,
            VersionId = versionId,
            Name = name,
            Path = name,
            Size = file.Number("sizeKB") is { } kilobytes ? (long)Math.Round(kilobytes * 1024, MidpointRounding.AwayFromZero) : null,
            Kind = file.Text("type"),
            Format = metadata.Text("format"),
            Precision = metadata.Text("fp"),
            Variant = metadata.Text("size"),

            // Listings send primary only when true; the version endpoint sends true or false.
            Primary = file.Flag("primary") == true,
            Sha256 = Hash(hashes, "SHA256"),
            AutoV1 = Hash(hashes, "AutoV1"),
            AutoV2 = Hash(hashes, "AutoV2"),
            AutoV3 = Hash(hashes, "AutoV3"),
            Blake3 = Hash(hashes, "BLAKE3"),
            Crc32 = Hash(hashes, "CRC32"),
            // An archived version lists its files without downloadUrl; asking the download endpoint anyway lets Civitai
            // say why (410 archived) instead of ModelHub guessing.
            DownloadUrl = CivitaiUrls.Download(endpoint, file.Text("downloadUrl"))
                ?? endpoint.Combine(CivitaiUrls.DownloadPath(versionId, file.Flag("primary") == true ? null : file.Text("type"), metadata.Text("format"))),
            PickleScan = file.Text("pickleScanResult"),
            PickleScanMessage = file.Text("pickleScanMessage"),
            VirusScan = file.Text("virusScanResult"),
        };
    }

    // Civitai sends uppercase hex; ModelHub compares hashes in lowercase.
    private static string? Hash(JsonElement hashes, string kind) => hashes.Text(kind) is { Length: > 0 } hex ? hex.ToLowerInvariant() : null;
}
