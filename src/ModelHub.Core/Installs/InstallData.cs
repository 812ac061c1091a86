using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ModelHub.Installs;

/// <summary>The install tables embedded from Installs/Data (explained in docs/PLACEMENT.md).</summary>
internal static class InstallData
{
    public static JsonDocument Load(string fileName)
    {
        using var stream = typeof(InstallData).Assembly.GetManifestResourceStream("ModelHub.Installs.Data." + fileName)
            ?? throw new InvalidOperationException($"The install table {fileName} is missing from ModelHub.Core.");
        return JsonDocument.Parse(stream);
    }

    public static IReadOnlyList<string> Strings(JsonElement array) => array.EnumerateArray().Select(value => value.GetString()!).ToArray();

    public static HashSet<string> Set(JsonElement array) => new(Strings(array), StringComparer.OrdinalIgnoreCase);

    public static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static ModelType Type(string name) => (ModelType)Enum.Parse(typeof(ModelType), name);
}
