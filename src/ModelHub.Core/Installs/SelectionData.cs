using System;
using System.Collections.Generic;

namespace ModelHub.Installs;

/// <summary>Installs/Data/selection.json: generic file names, pickle formats, which files are weights and which a pipeline keeps.</summary>
internal sealed class SelectionData
{
    private static readonly Lazy<SelectionData> Data = new(Load);

    private SelectionData(HashSet<string> genericStems, HashSet<string> pickleExtensions, HashSet<string> pickleFormats, HashSet<string> weightsExtensions, HashSet<string> pipelineExtensions)
    {
        GenericStems = genericStems;
        PickleExtensions = pickleExtensions;
        PickleFormats = pickleFormats;
        WeightsExtensions = weightsExtensions;
        PipelineExtensions = pipelineExtensions;
    }

    public static SelectionData Current => Data.Value;

    /// <summary>File names (up to the first dot) that say nothing about the model.</summary>
    public HashSet<string> GenericStems { get; }

    public HashSet<string> PickleExtensions { get; }

    public HashSet<string> PickleFormats { get; }

    public HashSet<string> WeightsExtensions { get; }

    /// <summary>The extensions a diffusers pipeline folder keeps.</summary>
    public HashSet<string> PipelineExtensions { get; }

    /// <summary>The extension of a file name, lowercase with its dot; empty when it has none.</summary>
    public static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(dot).ToLowerInvariant() : string.Empty;
    }

    private static SelectionData Load()
    {
        using var document = InstallData.Load("selection.json");
        var root = document.RootElement;
        return new SelectionData(
            InstallData.Set(root.GetProperty("genericNames").GetProperty("stems")),
            InstallData.Set(root.GetProperty("pickleExtensions")),
            InstallData.Set(root.GetProperty("pickleFormats")),
            InstallData.Set(root.GetProperty("weightsExtensions")),
            InstallData.Set(root.GetProperty("pipelineExtensions").GetProperty("keep")));
    }
}
