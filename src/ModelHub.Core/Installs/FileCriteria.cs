using System;
using System.Collections.Generic;

namespace ModelHub.Installs;

/// <summary>Which files of a version to install: the primary file unless something narrower or wider is asked.</summary>
public sealed class FileCriteria
{
    /// <summary>SafeTensor, PickleTensor, GGUF, Diffusers, … (ModelFile.Format), case-insensitive.</summary>
    public string? Format { get; init; }

    /// <summary>fp16, fp32, bf16, fp8, … (ModelFile.Precision), case-insensitive.</summary>
    public string? Precision { get; init; }

    /// <summary>Pruned or Full (ModelFile.Variant), case-insensitive.</summary>
    public string? Variant { get; init; }

    /// <summary>PowerShell-style wildcards (* ? [a-z]) matched against the file name, case-insensitive.</summary>
    public IReadOnlyList<string> FileName { get; init; } = Array.Empty<string>();

    /// <summary>Globs (Microsoft.Extensions.FileSystemGlobbing: **, *) matched against the repository path.</summary>
    public IReadOnlyList<string> Include { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();

    /// <summary>Allow pickle formats (.ckpt, .pt, .pth, .bin), refused by default.</summary>
    public bool AllowPickle { get; init; }
}
