using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>What a file's name says about its bytes, and the .gitattributes that sends binary files to LFS.</summary>
internal static class RepoFileKinds
{
    /// <summary>The patterns of the .gitattributes a new Hub repository gets, plus the images diffusion repos add.</summary>
    private static readonly string[] LfsPatterns =
    [
        "*.7z", "*.arrow", "*.bin", "*.bz2", "*.ckpt", "*.ftz", "*.gz", "*.h5", "*.joblib", "*.lfs.*", "*.mlmodel",
        "*.model", "*.msgpack", "*.npy", "*.npz", "*.onnx", "*.ot", "*.parquet", "*.pb", "*.pickle", "*.pkl", "*.pt",
        "*.pth", "*.rar", "*.safetensors", "saved_model/**/*", "*.tar.*", "*.tar", "*.tflite", "*.tgz", "*.wasm",
        "*.xz", "*.zip", "*.zst", "*tfevents*", "*.png", "*.jpg", "*.jpeg", "*.webp",
    ];

    private static readonly HashSet<string> BinaryExtensions = LfsPatterns
        .Where(pattern => pattern.StartsWith("*.", StringComparison.Ordinal) && pattern.Count(c => c == '.') == 1 && !pattern.EndsWith('*'))
        .Select(pattern => pattern[1..])
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static string GitAttributes { get; } =
        string.Concat(LfsPatterns.Select(pattern => pattern + " filter=lfs diff=lfs merge=lfs -text\n"));

    /// <summary>How the bytes of a file with this name are made.</summary>
    public static FileLayout LayoutFor(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".safetensors" => FileLayout.SafeTensors,
        ".ckpt" or ".bin" or ".pt" or ".pth" => FileLayout.Pickle,
        ".png" => FileLayout.Png,
        ".jpg" or ".jpeg" => FileLayout.Jpeg,
        var extension when BinaryExtensions.Contains(extension) || path.Contains("tfevents", StringComparison.Ordinal) => FileLayout.Binary,
        _ => FileLayout.Text,
    };

    /// <summary>The Content-Type the Hub serves a file with (resolve of a git file).</summary>
    public static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => "application/json; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ when LayoutFor(path) == FileLayout.Text => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
