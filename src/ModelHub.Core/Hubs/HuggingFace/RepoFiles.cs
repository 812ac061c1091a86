using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ModelHub.Settings;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// The files of a commit as ModelFiles: what each one is (format, kind, precision, from its path), which one is
/// the primary, its hashes, and the address it downloads from (pinned to the commit).
/// </summary>
internal static class RepoFiles
{
    /// <summary>The file that makes a repository a diffusers pipeline.</summary>
    private const string PipelineIndex = "model_index.json";

    // Weights by extension, with the format in Civitai's vocabulary (other frameworks' weights are Other).
    private static readonly Dictionary<string, string> WeightsFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".safetensors"] = "SafeTensor",
        [".ckpt"] = "PickleTensor",
        [".pt"] = "PickleTensor",
        [".pth"] = "PickleTensor",
        [".bin"] = "PickleTensor",
        [".gguf"] = "GGUF",
        [".onnx"] = "ONNX",
        [".h5"] = "Other",
        [".msgpack"] = "Other",
        [".ot"] = "Other",
    };

    private static readonly HashSet<string> ConfigExtensions = new(StringComparer.OrdinalIgnoreCase) { ".json", ".yaml", ".yml" };

    // A precision named as a word of the file name: model.fp16.safetensors, flux1-dev-fp8_e4m3fn.safetensors.
    private static readonly Regex PrecisionInName = new(@"(?<![a-z0-9])(bf16|fp16|fp32|fp8|nf4|int8|int4)(?![a-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static IReadOnlyList<ModelFile> Map(HubEndpoint endpoint, string repoId, string commit, IReadOnlyList<TreeFile> files)
    {
        var isPipeline = files.Any(file => file.Path == PipelineIndex);
        var rootWeights = files.Where(file => IsAtRoot(file.Path) && IsWeights(file.Path)).Take(2).ToList();
        var primary = rootWeights.Count == 1 ? rootWeights[0] : null;
        return files.Select(file => new ModelFile
        {
            Hub = Hub.HuggingFace,
            ModelId = repoId,
            VersionId = commit,
            Name = NameOf(file.Path),
            Path = file.Path,
            Size = file.Size,
            Kind = Kind(file.Path),
            Format = Format(file.Path, isPipeline),
            Precision = PrecisionInName.Match(NameOf(file.Path)) is { Success: true } precision ? precision.Value.ToLowerInvariant() : null,
            Primary = ReferenceEquals(file, primary),
            Sha256 = file.LfsSha256?.ToLowerInvariant(),
            // An LFS file's git oid is its pointer's, which says nothing about the content.
            GitBlobId = file.LfsSha256 is null ? file.GitOid : null,
            DownloadUrl = endpoint.Combine(RepoPaths.Resolve(repoId, commit, file.Path)),
        }).ToList();
    }

    /// <summary>Files of a pipeline's component folders (and its index) are Diffusers; others go by extension.</summary>
    private static string Format(string path, bool isPipeline) =>
        isPipeline && (!IsAtRoot(path) || path == PipelineIndex) ? "Diffusers"
        : WeightsFormats.TryGetValue(Extension(path), out var format) ? format
        : "Other";

    /// <summary>A pipeline's vae/ and text_encoder*/ folders are those components; elsewhere weights are the model.</summary>
    private static string Kind(string path)
    {
        var slash = path.IndexOf('/');
        var folder = slash > 0 ? path.Substring(0, slash) : string.Empty;
        return folder == "vae" ? "VAE"
            : folder.StartsWith("text_encoder", StringComparison.Ordinal) ? "Text Encoder"
            : IsWeights(path) ? (NameOf(path).IndexOf("pruned", StringComparison.OrdinalIgnoreCase) >= 0 ? "Pruned Model" : "Model")
            : ConfigExtensions.Contains(Extension(path)) ? "Config"
            : "Other";
    }

    private static bool IsWeights(string path) => WeightsFormats.ContainsKey(Extension(path));

    private static bool IsAtRoot(string path) => path.IndexOf('/') < 0;

    private static string NameOf(string path) => path.Substring(path.LastIndexOf('/') + 1);

    private static string Extension(string path)
    {
        var name = NameOf(path);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(dot) : string.Empty;
    }
}
