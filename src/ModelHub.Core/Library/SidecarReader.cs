using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using ModelHub.Installs;
using ModelHub.Resources;

namespace ModelHub.Library;

/// <summary>
/// Reads what other tools (and ModelHub) wrote beside a model, cheapest and most trusted first: our
/// &lt;name&gt;.modelhub.json, Civitai Helper's &lt;name&gt;.civitai.info, A1111's &lt;name&gt;.json (modelId, modelVersionId,
/// sha256) and StabilityMatrix's &lt;name&gt;.cm-info.json. A sidecar that is not the JSON its kind holds is ignored with a
/// warning; Civitai Helper's "{}" (looked up and not found, or an outage) says nothing.
/// </summary>
internal static class SidecarReader
{
    public const string StabilityMatrixExtension = ".cm-info.json";

    /// <summary>The first sidecar's identity, or null; <paramref name="hashHint"/> gets a SHA-256 an A1111 .json states without ids.</summary>
    public static Identity? Read(FoundEntry entry, Action<string> warning, out string? hashHint)
    {
        hashHint = null;
        // SidecarWriter.NameBase's rule, without asking the file system whether the path is a folder: the entry knows.
        var nameBase = entry.IsFolder ? entry.Path : Path.Combine(Path.GetDirectoryName(entry.Path)!, Path.GetFileNameWithoutExtension(entry.Path));
        // Most files have no record: checking the listing first spares ReadRecord a FileNotFoundException per file.
        var recordPath = nameBase + SidecarWriter.RecordExtension;
        if (entry.HasSibling(recordPath) && SidecarWriter.ReadRecord(recordPath) is { } record && (entry.IsFolder || record.Size == entry.Size))
        {
            return FromRecord(record);
        }

        if (Parse(entry, nameBase + SidecarWriter.CivitaiInfoExtension, warning) is { } info && FromCivitaiInfo(info, Path.GetFileName(entry.Path)) is { } fromInfo)
        {
            return fromInfo;
        }

        if (Parse(entry, nameBase + SidecarWriter.UserMetadataExtension, warning) is { } metadata)
        {
            var fromMetadata = FromUserMetadata(metadata);
            hashHint = Hash(metadata, A1111Metadata.Sha256);
            if (fromMetadata is not null)
            {
                return fromMetadata;
            }
        }

        return Parse(entry, nameBase + StabilityMatrixExtension, warning) is { } connected ? FromStabilityMatrix(connected) : null;
    }

    private static Identity FromRecord(InstallRecord record) => new()
    {
        By = Identification.ModelHubRecord,
        Hub = record.Hub,
        Id = record.ModelId,
        VersionId = record.VersionId,
        Name = record.ModelName,
        VersionName = record.VersionName,
        Type = record.Type,
        BaseModel = record.BaseModel,
        HubFileName = record.OriginalFileName.Length > 0 ? record.OriginalFileName : null,
        Sha256 = record.Sha256?.ToLowerInvariant(),
        InstalledAt = record.InstalledAt,
        Pinned = record.Pinned,
    };

    /// <summary>A Civitai model-version object; the file named like the installed one (else the primary) gives the hub name and hash.</summary>
    private static Identity? FromCivitaiInfo(JsonElement info, string fileName)
    {
        if (Value(info, "id") is not { } versionId || Value(info, "modelId") is not { } modelId)
        {
            return null;
        }

        var files = info.TryGetProperty("files", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Where(file => file.ValueKind == JsonValueKind.Object).ToList() : new();
        var file = files.FirstOrDefault(candidate => string.Equals(Value(candidate, "name"), fileName, StringComparison.OrdinalIgnoreCase)).OrNull()
            ?? files.FirstOrDefault(candidate => Flag(candidate, "primary")).OrNull();
        var model = info.TryGetProperty("model", out var modelInfo) && modelInfo.ValueKind == JsonValueKind.Object ? modelInfo : (JsonElement?)null;
        return new Identity
        {
            By = Identification.CivitaiInfo,
            Hub = Hub.Civitai,
            Id = modelId,
            VersionId = versionId,
            Name = model is { } named ? Value(named, "name") : null,
            VersionName = Value(info, "name"),
            Type = model is { } typed && Value(typed, "type") is { } type ? BaseModels.TypeFromCivitai(type) : null,
            BaseModel = BaseModels.FromCivitai(Value(info, "baseModel")),
            HubFileName = file is { } chosen ? Value(chosen, "name") : null,
            Sha256 = file is { } hashed && hashed.TryGetProperty("hashes", out var hashes) && hashes.ValueKind == JsonValueKind.Object ? Hash(hashes, "SHA256") : null,
        };
    }

    /// <summary>A1111's metadata with sd-civitai-browser-plus's ids (or ModelHub's: a Hugging Face repo id and commit).</summary>
    private static Identity? FromUserMetadata(JsonElement metadata)
    {
        if (Value(metadata, A1111Metadata.ModelId) is not { } modelId || Value(metadata, A1111Metadata.ModelVersionId) is not { } versionId)
        {
            return null;
        }

        return new Identity
        {
            By = Identification.A1111Metadata,
            Hub = modelId.Contains("/") ? Hub.HuggingFace : Hub.Civitai,
            Id = modelId,
            VersionId = versionId,
            BaseModel = Value(metadata, A1111Metadata.SdVersion) switch
            {
                "SD1" => "SD 1.5",
                "SD2" => "SD 2.x",
                "SDXL" => "SDXL",
                _ => null,
            },
            Sha256 = Hash(metadata, A1111Metadata.Sha256),
        };
    }

    /// <summary>StabilityMatrix's ConnectedModelInfo (PascalCase); only a Civitai source names a hub model.</summary>
    private static Identity? FromStabilityMatrix(JsonElement connected)
    {
        var source = Value(connected, "Source");
        if ((source is not null && !string.Equals(source, "Civitai", StringComparison.OrdinalIgnoreCase))
            || Value(connected, "ModelId") is not { } modelId || Value(connected, "VersionId") is not { } versionId)
        {
            return null;
        }

        return new Identity
        {
            By = Identification.StabilityMatrix,
            Hub = Hub.Civitai,
            Id = modelId,
            VersionId = versionId,
            Name = Value(connected, "ModelName"),
            VersionName = Value(connected, "VersionName"),
            Type = Value(connected, "ModelType") is { } type ? BaseModels.TypeFromCivitai(type) : null,
            BaseModel = BaseModels.FromCivitai(Value(connected, "BaseModel")),
            HubFileName = Value(connected, "RemoteFileName"),
            Sha256 = connected.TryGetProperty("Hashes", out var hashes) && hashes.ValueKind == JsonValueKind.Object ? Hash(hashes, "SHA256") : null,
            InstalledAt = Value(connected, "ImportedAt") is { } imported && DateTimeOffset.TryParse(imported, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        };
    }

    /// <summary>The sidecar's JSON object; null when there is none, or (with a warning) when it is not an object.</summary>
    private static JsonElement? Parse(FoundEntry entry, string path, Action<string> warning)
    {
        if (!entry.HasSibling(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }

            warning(Text.Format(Messages.LibrarySidecarIgnored, path, document.RootElement.ValueKind));
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            warning(Text.Format(Messages.LibrarySidecarIgnored, path, exception.Message));
        }

        return null;
    }

    /// <summary>A string or number member as text; null when missing, empty or another kind.</summary>
    private static string? Value(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }

    private static bool Flag(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>A 64-hex SHA-256 member, lowercased; null when it is anything else.</summary>
    private static string? Hash(JsonElement element, string name) => Value(element, name) is { Length: 64 } hex && Hex.IsSha256(hex) ? hex.ToLowerInvariant() : null;

    private static JsonElement? OrNull(this JsonElement element) => element.ValueKind == JsonValueKind.Undefined ? null : element;
}

/// <summary>Hexadecimal hashes.</summary>
internal static class Hex
{
    public static bool IsSha256(string text) => text.Length == 64 && text.All(Uri.IsHexDigit);
}
