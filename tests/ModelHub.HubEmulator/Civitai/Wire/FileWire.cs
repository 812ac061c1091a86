using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Wire;

/// <summary>The parts of a file's JSON both shapes share.</summary>
internal static class FileWire
{
    /// <summary>The hashes the file reports, uppercase, computed from the served bytes.</summary>
    public static JsonObject Hashes(CatalogFile file, RenderContext context)
    {
        var json = new JsonObject();
        if (file.HashKinds.Count == 0)
        {
            return json;
        }

        var hashes = context.Hashes(file);
        foreach (var kind in file.HashKinds)
        {
            if (HashKinds.Value(hashes, kind) is { } value)
            {
                json[kind.ToString()] = value;
            }
        }

        return json;
    }

    /// <summary>Modern metadata: every key (null when unknown), or only the known ones as /models listings trim it.</summary>
    public static JsonObject Metadata(CatalogFile file, bool trimmed)
    {
        var json = new JsonObject();
        Add(json, "format", file.Format, trimmed);
        Add(json, "size", file.SizeKind, trimmed);
        Add(json, "fp", file.Precision, trimmed);
        return json;
    }

    /// <summary>2023 metadata: fp, size, format, always all three.</summary>
    public static JsonObject LegacyMetadata(CatalogFile file) => new()
    {
        ["fp"] = file.Precision,
        ["size"] = file.SizeKind,
        ["format"] = file.Format,
    };

    /// <summary>The file's download address; null once the model is archived (Civitai drops downloadUrl then).</summary>
    public static string? DownloadUrl(CatalogVersion version, CatalogFile file, RenderContext context) =>
        version.Access.Archived ? null : context.CivitaiUrl($"/api/download/models/{version.Id}{file.DownloadQuery()}");

    /// <summary>The version's download address (its primary file); null once archived.</summary>
    public static string? DownloadUrl(CatalogVersion version, RenderContext context) =>
        version.Access.Archived ? null : context.CivitaiUrl($"/api/download/models/{version.Id}");

    /// <summary>Adds the key when it has a value; null values too unless <paramref name="skipNull"/>.</summary>
    public static void Add(JsonObject json, string key, JsonNode? value, bool skipNull = true)
    {
        if (value is not null || !skipNull)
        {
            json[key] = value;
        }
    }
}
