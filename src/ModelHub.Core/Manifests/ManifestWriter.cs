using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelHub.Manifests;

/// <summary>Writes a manifest as JSON (camelCase) or as a PowerShell data file (.psd1, PascalCase); both read back alike.</summary>
public static class ManifestWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The JSON form, indented, ending with a newline.</summary>
    public static string ToJson(Manifest manifest) => JsonSerializer.Serialize(manifest, Json) + "\n";

    /// <summary>The .psd1 form: a hashtable Import-PowerShellDataFile and Sync-HubModel read (data only, no code).</summary>
    public static string ToPsd1(Manifest manifest)
    {
        var text = new StringBuilder();
        text.Append("# ModelHub manifest, format ").Append(manifest.FormatVersion).Append(" (docs/MANIFEST.md). Sync a machine with: Sync-HubModel -Manifest <this file>\n");
        text.Append("@{\n");
        var top = new List<(string, string?)>
        {
            ("FormatVersion", Number(manifest.FormatVersion)),
            ("CreatedAt", manifest.CreatedAt is { } created ? Quote(created.ToString("o", CultureInfo.InvariantCulture)) : null),
            ("Tool", manifest.Tool is { } tool ? Quote(tool.ToString()) : null),
        };
        Members(text, "    ", top);
        text.Append("    Files = @(\n");
        foreach (var entry in manifest.Files)
        {
            text.Append("        @{\n");
            Members(text, "            ", Fields(entry));
            text.Append("        }\n");
        }

        text.Append("    )\n}\n");
        return text.ToString();
    }

    private static IEnumerable<(string Name, string? Value)> Fields(ManifestEntry entry) => new (string, string?)[]
    {
        ("Hub", Quote(entry.Hub.ToString())),
        ("ModelId", Quote(entry.ModelId)),
        ("VersionId", Quote(entry.VersionId)),
        ("Name", entry.Name is null ? null : Quote(entry.Name)),
        ("HubFileName", Quote(entry.HubFileName)),
        ("FileName", Quote(entry.FileName)),
        ("Sha256", Quote(entry.Sha256)),
        ("Size", Number(entry.Size)),
        ("Tool", entry.Tool is { } tool ? Quote(tool.ToString()) : null),
        ("Type", entry.Type is { } type ? Quote(type.ToString()) : null),
        ("BaseModel", entry.BaseModel is null ? null : Quote(entry.BaseModel)),
        ("Path", entry.Path is null ? null : Quote(entry.Path)),
        ("Pinned", entry.Pinned ? "$true" : "$false"),
    };

    /// <summary>Name = value lines, the equals signs aligned; absent values left out.</summary>
    private static void Members(StringBuilder text, string indent, IEnumerable<(string Name, string? Value)> members)
    {
        var present = members.Where(member => member.Value is not null).ToList();
        var width = present.Max(member => member.Name.Length);
        foreach (var (name, value) in present)
        {
            text.Append(indent).Append(name.PadRight(width)).Append(" = ").Append(value).Append('\n');
        }
    }

    /// <summary>A single-quoted PowerShell string: nothing inside is expanded; quotes (including the typographic ones PowerShell honours) are doubled.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder("'");
        foreach (var character in value)
        {
            text.Append(character);
            if (character is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
            {
                text.Append(character);
            }
        }

        return text.Append('\'').ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
