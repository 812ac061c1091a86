using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ModelHub.Installs;

/// <summary>
/// The files of a diffusers pipeline worth installing, chosen the way diffusers loads them: every config, tokenizer and
/// scheduler file, and per component folder one set of weights: the variant asked for (fp16, …) where the folder has
/// it, else the plain weights; safetensors rather than their pickle duplicates (.bin).
/// </summary>
internal static class PipelineFiles
{
    // model.fp16-00001-of-00002.safetensors is a shard of the fp16 variant.
    private static readonly Regex Shard = new(@"-\d+-of-\d+(?=\.[^.]+$)", RegexOptions.CultureInvariant);

    // diffusion_pytorch_model.safetensors.index.fp16.json lists the shards of one format and variant.
    private static readonly Regex ShardIndex = new(@"\.(?<format>[a-z0-9]+)\.index(?:\.(?<variant>[^.]+))?\.json$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private const string SafeTensors = ".safetensors";

    /// <summary>The files to install, in their order; empty when <paramref name="precision"/> is asked and no component has that variant.</summary>
    public static List<ModelFile> Choose(IEnumerable<ModelFile> pipelineFiles, string? precision)
    {
        var kept = pipelineFiles.Where(file => SelectionData.Current.PipelineExtensions.Contains(SelectionData.Extension(file.Name))).ToList();
        var chosen = new HashSet<ModelFile>(kept.Where(file => !IsWeights(file)));
        var variantFound = precision is null;
        foreach (var folder in kept.Where(IsWeights).GroupBy(file => FolderOf(file.Path), StringComparer.Ordinal))
        {
            var (weights, variant) = Preferred(folder, precision);
            variantFound |= string.Equals(variant, precision, StringComparison.OrdinalIgnoreCase);
            chosen.UnionWith(weights);
        }

        return variantFound ? kept.Where(chosen.Contains).ToList() : new List<ModelFile>();
    }

    /// <summary>
    /// One set of weights among the weights of one folder: the variant <paramref name="precision"/> names, else the plain
    /// weights, else the first variant listed; its safetensors files when it has any.
    /// </summary>
    public static (IReadOnlyList<ModelFile> Files, string? Variant) Preferred(IEnumerable<ModelFile> weights, string? precision)
    {
        var variants = weights.GroupBy(file => VariantOf(file.Name), StringComparer.OrdinalIgnoreCase).ToList();
        var chosen = variants.FirstOrDefault(variant => precision is not null && string.Equals(variant.Key, precision, StringComparison.OrdinalIgnoreCase))
            ?? variants.FirstOrDefault(variant => variant.Key is null)
            ?? variants[0];
        var safetensors = chosen.Where(IsSafeTensors).ToList();
        return (safetensors.Count > 0 ? safetensors : chosen.ToList(), chosen.Key);
    }

    /// <summary>Weights, or the index of sharded weights.</summary>
    public static bool IsWeights(ModelFile file) =>
        SelectionData.Current.WeightsExtensions.Contains(SelectionData.Extension(file.Name)) || ShardIndex.IsMatch(file.Name);

    /// <summary>
    /// The diffusers variant in a weights file name: the part before the extension in model.fp16.safetensors, or in a shard
    /// index model.safetensors.index.fp16.json. A part starting with a digit is a version (sd_xl_base_1.0.safetensors), not a variant.
    /// </summary>
    private static string? VariantOf(string name)
    {
        if (ShardIndex.Match(name) is { Success: true } index)
        {
            return index.Groups["variant"].Success ? index.Groups["variant"].Value : null;
        }

        var parts = Shard.Replace(name, string.Empty).Split('.');
        return parts.Length >= 3 && parts[parts.Length - 2] is { Length: > 0 } variant && char.IsLetter(variant[0]) ? variant : null;
    }

    private static bool IsSafeTensors(ModelFile file) =>
        SelectionData.Extension(file.Name) == SafeTensors
        || ShardIndex.Match(file.Name) is { Success: true } index && string.Equals("." + index.Groups["format"].Value, SafeTensors, StringComparison.OrdinalIgnoreCase);

    private static string FolderOf(string path) => path.LastIndexOf('/') is var slash and > 0 ? path.Substring(0, slash) : string.Empty;
}
