using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ModelHub.HubEmulator.Generation;
using V = ModelHub.HubEmulator.Civitai.Catalog.GeneratorVocabulary;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>Names of generated models and the file names Civitai gives their downloads.</summary>
internal static partial class ModelNames
{
    public static string ModelName(string type, SeededRandom random) => type switch
    {
        "Checkpoint" => random.Pick(V.CheckpointPrefixes) + random.Pick(V.CheckpointPrefixes).ToLowerInvariant() + " " + random.Pick(V.CheckpointSuffixes),
        "TextualInversion" => random.Chance(0.3) ? "Easy Negative " + random.Pick(V.StyleAdjectives) : random.Pick(V.StyleAdjectives) + " " + random.Pick(V.StyleSubjects) + " Embedding",
        "VAE" => random.Pick(V.StyleAdjectives) + " Color VAE",
        "Controlnet" => "ControlNet " + random.Pick(V.ControlnetKinds) + " " + random.Pick(V.StyleAdjectives),
        "Upscaler" => random.Pick(["2x-", "4x-", "8x-"]) + random.Pick(V.UpscalerNames),
        "Hypernetwork" => random.Pick(V.StyleAdjectives) + " " + random.Pick(V.StyleSubjects) + " Hypernetwork",
        "MotionModule" => "AnimateDiff " + random.Pick(V.StyleAdjectives) + " Motion",
        "Other" => random.Pick(V.StyleSubjects) + " Wildcards Pack",
        _ => random.Pick(V.StyleAdjectives) + " " + random.Pick(V.StyleSubjects) + " " + random.Pick(V.LoraSuffixes),
    };

    /// <summary>Civitai's filenamize: the words of a name, camel-cased, letters and digits only ("DreamShaper XL" → "dreamshaperXl").</summary>
    public static string Filenamize(string name)
    {
        var result = new StringBuilder();
        foreach (var word in Words(name))
        {
            result.Append(result.Length == 0
                ? word.ToLowerInvariant()
                : char.ToUpperInvariant(word[0]) + word.Substring(1).ToLowerInvariant());
        }

        return result.Length == 0 ? "model" : result.ToString();
    }

    /// <summary>The stem an uploader gave a LoRA-like file: kebab-case name and version ("vivid-watercolor-style_v2").</summary>
    public static string UploadStem(string modelName, string versionName) =>
        string.Join('-', Words(modelName)).ToLowerInvariant() + "_" + Filenamize(versionName);

    /// <summary>A trigger word from a model name: its letters, lower case, squeezed ("ppstorybook" style).</summary>
    public static string TriggerWord(string modelName, SeededRandom random)
    {
        var letters = string.Concat(Words(modelName).Take(2)).ToLowerInvariant();
        return random.Pick(["", "zk", "pp", "xyz"]) + letters;
    }

    /// <summary>The AIR ecosystem of a base model (urn:air:&lt;ecosystem&gt;:…).</summary>
    public static string AirEcosystem(string baseModel) => baseModel switch
    {
        _ when baseModel.StartsWith("Flux", StringComparison.Ordinal) => "flux1",
        _ when baseModel.StartsWith("SDXL", StringComparison.Ordinal) => "sdxl",
        _ when baseModel.StartsWith("SD 1", StringComparison.Ordinal) => "sd1",
        _ when baseModel.StartsWith("SD 2", StringComparison.Ordinal) => "sd2",
        _ when baseModel.StartsWith("SD 3", StringComparison.Ordinal) => "sd3",
        "Pony" => "pony",
        "Illustrious" => "illustrious",
        "NoobAI" => "noobai",
        _ => Filenamize(baseModel).ToLowerInvariant(),
    };

    /// <summary>The AIR resource type of a model type.</summary>
    public static string AirType(string modelType) => modelType switch
    {
        "TextualInversion" => "embedding",
        "Hypernetwork" => "hypernet",
        "MotionModule" => "motion",
        _ => modelType.ToLowerInvariant(),
    };

    public static string Air(string baseModel, string modelType, int modelId, int versionId) =>
        string.Create(CultureInfo.InvariantCulture, $"urn:air:{AirEcosystem(baseModel)}:{AirType(modelType)}:civitai:{modelId}@{versionId}");

    private static string[] Words(string name) => WordPattern().Matches(name).Select(match => match.Value).ToArray();

    [GeneratedRegex("[A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
