using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ModelHub;

/// <summary>
/// Base model families: each hub's values mapped to one display name (SD 1.5, SDXL, Flux.1, …). The
/// tables are data (Model/Data/mappings.json, explained in docs/MAPPINGS.md).
/// </summary>
public static class BaseModels
{
    public const string Unknown = "Unknown";

    private static readonly Lazy<Tables> Data = new(Tables.Load);

    /// <summary>Every family's display name, in the documented order (for completion), then Unknown.</summary>
    public static IReadOnlyList<string> Families => Data.Value.Families;

    /// <summary>The family of a Civitai baseModel value; a value no table names is its own family.</summary>
    public static string FromCivitai(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? Unknown : Data.Value.Civitai.TryGetValue(raw!, out var family) ? family : raw!;

    /// <summary>
    /// The family of a Hugging Face repo: from its base models (card base_model or base_model:* tags) when it
    /// has them, else from the repo itself (a well-known base repo) or its diffusers pipeline class.
    /// </summary>
    public static string FromHuggingFace(string repoId, IEnumerable<string> baseModelRepos, string? pipelineClass)
    {
        foreach (var repo in baseModelRepos.Append(repoId))
        {
            if (Data.Value.HuggingFaceRepos.TryGetValue(repo, out var family))
            {
                return family;
            }
        }

        return pipelineClass is not null && Data.Value.PipelineClasses.TryGetValue(pipelineClass, out var byClass) ? byClass : Unknown;
    }

    /// <summary>The family of a kohya ss_base_model_version value (safetensors metadata), if known.</summary>
    public static string FromKohya(string? version) =>
        version is not null && Data.Value.Kohya.TryGetValue(version, out var family) ? family : Unknown;

    /// <summary>
    /// The AI Resource Name, urn:air:{ecosystem}:{type}:{source}:{id}@{version}, of a model of either hub
    /// (source civitai or huggingface). The ecosystem comes from the family (unknown families use "other").
    /// </summary>
    public static string Air(string family, ModelType type, Hub hub, string id, string? version)
    {
        var ecosystem = Data.Value.AirEcosystems.TryGetValue(family, out var known) ? known : "other";
        var source = hub == Hub.Civitai ? "civitai" : "huggingface";
        return $"urn:air:{ecosystem}:{Data.Value.AirTypes[type]}:{source}:{id}" + (string.IsNullOrEmpty(version) ? string.Empty : "@" + version);
    }

    /// <summary>Whether a hub's family matches what a user asked for (a display name, case-insensitive).</summary>
    public static bool Matches(string family, string requested) => string.Equals(family, requested, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Civitai baseModel values of a family, for a server-side filter.</summary>
    public static IReadOnlyList<string> CivitaiValues(string family) =>
        Data.Value.Civitai.Where(pair => Matches(pair.Value, family)).Select(pair => pair.Key).ToArray();

    /// <summary>The Civitai type of a ModelType, for a server-side filter (null when Civitai has none).</summary>
    public static string? CivitaiType(ModelType type) => Data.Value.CivitaiTypes.FirstOrDefault(pair => pair.Value == type).Key;

    /// <summary>ModelHub's type for a Civitai type; Other for a type not in the table.</summary>
    public static ModelType TypeFromCivitai(string? raw) =>
        raw is not null && Data.Value.CivitaiTypes.TryGetValue(raw, out var type) ? type : ModelType.Other;

    /// <summary>The Hugging Face tags that make a repo this type, for a server-side filter (empty when none does).</summary>
    public static IReadOnlyList<string> HuggingFaceTypeTags(ModelType type) =>
        Data.Value.HuggingFaceTypeTags.Where(pair => pair.Value == type).Select(pair => pair.Key).ToArray();

    /// <summary>ModelHub's type for a Hugging Face repo, from its tags; image-generation repos without a type tag are checkpoints.</summary>
    public static ModelType TypeFromHuggingFace(IEnumerable<string> tags, bool isImageGeneration)
    {
        foreach (var tag in tags)
        {
            if (Data.Value.HuggingFaceTypeTags.TryGetValue(tag, out var type))
            {
                return type;
            }
        }

        return isImageGeneration ? ModelType.Checkpoint : ModelType.Other;
    }

    private sealed class Tables
    {
        public List<string> Families { get; } = new();

        public Dictionary<string, string> Civitai { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> HuggingFaceRepos { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> PipelineClasses { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Kohya { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> AirEcosystems { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<ModelType, string> AirTypes { get; } = new();

        public Dictionary<string, ModelType> CivitaiTypes { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, ModelType> HuggingFaceTypeTags { get; } = new(StringComparer.OrdinalIgnoreCase);

        public static Tables Load()
        {
            using var stream = typeof(BaseModels).Assembly.GetManifestResourceStream("ModelHub.Model.Data.mappings.json")
                ?? throw new InvalidOperationException("The mapping tables are missing from ModelHub.Core.");
            using var document = JsonDocument.Parse(stream);
            var tables = new Tables();
            foreach (var entry in document.RootElement.GetProperty("baseModelFamilies").EnumerateArray())
            {
                var family = entry.GetProperty("family").GetString()!;
                tables.Families.Add(family);
                tables.AirEcosystems[family] = entry.GetProperty("air").GetString()!;
                Fill(tables.Civitai, entry.GetProperty("civitai"), family);
                Fill(tables.HuggingFaceRepos, entry.GetProperty("huggingFaceRepos"), family);
                Fill(tables.PipelineClasses, entry.GetProperty("pipelineClasses"), family);
                Fill(tables.Kohya, entry.GetProperty("kohya"), family);
            }

            tables.Families.Add(Unknown);
            foreach (var pair in document.RootElement.GetProperty("airTypes").EnumerateObject())
            {
                tables.AirTypes[(ModelType)Enum.Parse(typeof(ModelType), pair.Name)] = pair.Value.GetString()!;
            }

            FillTypes(tables.CivitaiTypes, document.RootElement.GetProperty("civitaiTypes"));
            FillTypes(tables.HuggingFaceTypeTags, document.RootElement.GetProperty("huggingFaceTypeTags"));
            return tables;
        }

        private static void Fill(Dictionary<string, string> table, JsonElement values, string family)
        {
            foreach (var value in values.EnumerateArray())
            {
                table[value.GetString()!] = family;
            }
        }

        private static void FillTypes(Dictionary<string, ModelType> table, JsonElement map)
        {
            foreach (var pair in map.EnumerateObject().Where(pair => !pair.Name.StartsWith("$", StringComparison.Ordinal)))
            {
                table[pair.Name] = (ModelType)Enum.Parse(typeof(ModelType), pair.Value.GetString()!);
            }
        }
    }
}
