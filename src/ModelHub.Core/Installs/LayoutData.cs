using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ModelHub.Installs;

/// <summary>One folder entry of a tool (layouts.json): where ModelHub writes, and every folder the tool reads for it.</summary>
internal sealed class ToolFolder(string write, IReadOnlyList<string> read, IReadOnlyList<string> yamlKeys, string? requires)
{
    /// <summary>Relative to the tool root, with forward slashes.</summary>
    public string Write { get; } = write;

    /// <summary>Relative folders in the order the tool lists them.</summary>
    public IReadOnlyList<string> Read { get; } = read;

    /// <summary>The extra_model_paths.yaml keys that add folders to this one.</summary>
    public IReadOnlyList<string> YamlKeys { get; } = yamlKeys;

    /// <summary>A folder (an extension's) that must exist for the tool to read <see cref="Write"/>.</summary>
    public string? Requires { get; } = requires;
}

/// <summary>One tool's folders by model type, family override and diffusers pipeline.</summary>
internal sealed class ToolFolders
{
    public Dictionary<ModelType, ToolFolder> Types { get; } = new();

    /// <summary>Keyed by family (case-insensitive) then type.</summary>
    public Dictionary<string, Dictionary<ModelType, ToolFolder>> Families { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ToolFolder? Diffusers { get; set; }

    /// <summary>The file in the tool root that adds folders (ComfyUI's extra_model_paths.yaml), if the tool has one.</summary>
    public string? ExtraModelPaths { get; set; }
}

/// <summary>Reads Installs/Data/layouts.json once.</summary>
internal static class LayoutData
{
    private static readonly Lazy<Dictionary<Tool, ToolFolders>> Tools = new(Load);

    public static ToolFolders For(Tool tool) => Tools.Value[tool];

    private static Dictionary<Tool, ToolFolders> Load()
    {
        using var document = InstallData.Load("layouts.json");
        var raw = document.RootElement.GetProperty("tools").EnumerateObject().ToDictionary(tool => tool.Name, tool => tool.Value);
        return Enum.GetValues(typeof(Tool)).Cast<Tool>().ToDictionary(tool => tool, tool => Resolve(raw, tool.ToString()));
    }

    private static ToolFolders Resolve(Dictionary<string, JsonElement> raw, string name)
    {
        // A tool based on another starts from its entries, types and families and replaces what it names.
        var chain = new List<JsonElement>();
        for (string? current = name; current is not null; current = InstallData.OptionalString(raw[current], "basedOn"))
        {
            chain.Insert(0, raw[current]);
        }

        var entries = new Dictionary<string, ToolFolder>(StringComparer.Ordinal);
        var types = new Dictionary<ModelType, string>();
        var families = new Dictionary<string, Dictionary<ModelType, string>>(StringComparer.OrdinalIgnoreCase);
        var result = new ToolFolders();
        string? diffusers = null;
        foreach (var tool in chain)
        {
            foreach (var entry in tool.GetProperty("folders").EnumerateObject())
            {
                entries[entry.Name] = Folder(entry.Value);
            }

            foreach (var type in tool.GetProperty("types").EnumerateObject())
            {
                types[InstallData.Type(type.Name)] = type.Value.GetString()!;
            }

            if (tool.TryGetProperty("families", out var overrides))
            {
                foreach (var family in overrides.EnumerateObject())
                {
                    families[family.Name] = family.Value.EnumerateObject().ToDictionary(type => InstallData.Type(type.Name), type => type.Value.GetString()!);
                }
            }

            diffusers = InstallData.OptionalString(tool, "diffusers") ?? diffusers;
            result.ExtraModelPaths = InstallData.OptionalString(tool, "extraModelPaths") ?? result.ExtraModelPaths;
        }

        foreach (var type in types)
        {
            result.Types[type.Key] = entries[type.Value];
        }

        foreach (var family in families)
        {
            result.Families[family.Key] = family.Value.ToDictionary(type => type.Key, type => entries[type.Value]);
        }

        result.Diffusers = diffusers is null ? null : entries[diffusers];
        return result;
    }

    private static ToolFolder Folder(JsonElement entry)
    {
        var write = entry.GetProperty("write").GetString()!;
        var read = entry.TryGetProperty("read", out var folders) ? InstallData.Strings(folders) : new[] { write };
        var keys = entry.TryGetProperty("yamlKeys", out var yamlKeys) ? InstallData.Strings(yamlKeys) : Array.Empty<string>();
        return new ToolFolder(write, read, keys, InstallData.OptionalString(entry, "requires"));
    }
}
