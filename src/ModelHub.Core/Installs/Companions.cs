using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ModelHub.Resources;

namespace ModelHub.Installs;

/// <summary>Files some models need beside them (text encoders and VAE of a Flux.1 or SD 3.x single-file checkpoint, an SDXL refiner's base), from data.</summary>
public static class Companions
{
    private static readonly Lazy<CompanionData> Data = new(CompanionData.Load);

    /// <summary>
    /// Warnings naming the companions not found under the tool root, and where to put them; empty when none are needed or
    /// all are there. Without a tool and tool root nothing can be checked: each rule that applies gives one warning naming
    /// what the model needs.
    /// </summary>
    public static IReadOnlyList<string> Missing(Model model, ModelVersion version, SelectionResult selection, Tool? tool, string? toolRoot)
    {
        var family = version.BaseModel != BaseModels.Unknown ? version.BaseModel : model.BaseModel;
        var warnings = new List<string>();
        foreach (var rule in Data.Value.Rules.Where(rule => rule.AppliesTo(model, version, selection, family)))
        {
            if (tool is not { } installedFor || toolRoot is null)
            {
                var needs = string.Join(", ", rule.Needs.Select(need => Text.Format(Messages.CompanionExample, need.Name, need.Example)));
                warnings.Add(Text.Format(Messages.CompanionNotChecked, model.Name, rule.Describes, needs));
                continue;
            }

            foreach (var need in rule.Needs)
            {
                var folders = ToolLayout.FoldersRead(installedFor, toolRoot, need.Type);
                if (!folders.Any(folder => Weights(folder).Any(need.Matches)))
                {
                    var placement = ToolLayout.Place(installedFor, toolRoot, need.Type, diffusers: false);
                    warnings.Add(Text.Format(Messages.CompanionMissing, model.Name, rule.Describes, need.Name, need.Example, string.Join(", ", folders), placement.Folder));
                }
            }
        }

        return warnings;
    }

    /// <summary>The names of the weights files under a folder and its subfolders (tools list those too); folders that cannot be read are passed over.</summary>
    private static IEnumerable<string> Weights(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(current);
                folders = Directory.GetDirectories(current);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files.Select(Path.GetFileName).Where(name => SelectionData.Current.WeightsExtensions.Contains(SelectionData.Extension(name!))))
            {
                yield return file!;
            }

            foreach (var child in folders)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>A rule of companions.json: which models it applies to and what they need.</summary>
    private sealed class Rule(string describes, HashSet<string> families, HashSet<ModelType> types, bool singleFileOnly, string? nameContains, IReadOnlyList<Companion> needs)
    {
        /// <summary>What such a model is, in words ("a Flux.1 single-file checkpoint").</summary>
        public string Describes { get; } = describes;

        public IReadOnlyList<Companion> Needs { get; } = needs;

        public bool AppliesTo(Model model, ModelVersion version, SelectionResult selection, string family) =>
            families.Contains(family)
            && types.Contains(model.Type)
            && !(singleFileOnly && selection.IsDiffusersFolder)
            && (nameContains is null || new[] { model.Name, version.Name }.Concat(selection.Files.Select(file => file.File.Name))
                .Any(name => name.IndexOf(nameContains, StringComparison.OrdinalIgnoreCase) >= 0));
    }

    /// <summary>A companion file: what it is, the type whose folders hold it, and the name patterns that find it.</summary>
    private sealed class Companion(string name, ModelType type, string example, IReadOnlyList<Wildcard> patterns)
    {
        public string Name { get; } = name;

        public ModelType Type { get; } = type;

        public string Example { get; } = example;

        public bool Matches(string fileName) => patterns.Any(pattern => pattern.IsMatch(fileName));
    }

    private sealed class CompanionData(IReadOnlyList<Rule> rules)
    {
        public IReadOnlyList<Rule> Rules { get; } = rules;

        public static CompanionData Load()
        {
            using var document = InstallData.Load("companions.json");
            var root = document.RootElement;
            var companions = root.GetProperty("companions").EnumerateObject().ToDictionary(entry => entry.Name, entry => ReadCompanion(entry.Value));
            var rules = root.GetProperty("rules").EnumerateArray().Select(rule => new Rule(
                rule.GetProperty("describes").GetString()!,
                InstallData.Set(rule.GetProperty("families")),
                new HashSet<ModelType>(InstallData.Strings(rule.GetProperty("types")).Select(InstallData.Type)),
                rule.TryGetProperty("singleFileOnly", out var singleFileOnly) && singleFileOnly.GetBoolean(),
                InstallData.OptionalString(rule, "nameContains"),
                InstallData.Strings(rule.GetProperty("needs")).Select(need => companions[need]).ToArray())).ToArray();
            return new CompanionData(rules);
        }

        private static Companion ReadCompanion(JsonElement entry) => new(
            entry.GetProperty("name").GetString()!,
            InstallData.Type(entry.GetProperty("type").GetString()!),
            entry.GetProperty("example").GetString()!,
            InstallData.Strings(entry.GetProperty("patterns")).Select(pattern => new Wildcard(pattern)).ToArray());
    }
}
