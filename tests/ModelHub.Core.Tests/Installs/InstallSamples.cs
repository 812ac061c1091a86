using System;
using System.Collections.Generic;
using System.Linq;
using ModelHub.Hubs.HuggingFace;
using ModelHub.Settings;

namespace ModelHub.Tests.Installs;

/// <summary>Models, versions and files in the shapes the hub clients produce, for the install tests.</summary>
internal static class InstallSamples
{
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private static readonly HubEndpoint HuggingFaceEndpoint = new(Hub.HuggingFace, new Uri("https://hf.example/"), "test");

    /// <summary>A Hugging Face repository's files as the tree mapper makes them (format, precision, primary, Diffusers components).</summary>
    public static IReadOnlyList<ModelFile> RepoFiles(string repoId, params string[] paths) =>
        ModelHub.Hubs.HuggingFace.RepoFiles.Map(HuggingFaceEndpoint, repoId, Commit,
            paths.Select(path => new TreeFile(path, 1_000_000, "1111111111111111111111111111111111111111", null)).ToList());

    public static Model HfModel(string repoId, ModelType type = ModelType.Checkpoint, string baseModel = BaseModels.Unknown) =>
        new() { Hub = Hub.HuggingFace, Id = repoId, Name = repoId.Substring(repoId.IndexOf('/') + 1), Type = type, BaseModel = baseModel };

    public static ModelVersion HfVersion(string repoId, string baseModel = BaseModels.Unknown) =>
        new() { Hub = Hub.HuggingFace, ModelId = repoId, VersionId = Commit, Name = "Upload folder", BaseModel = baseModel };

    public static Model CivitaiModel(string name = "Misty Harbor", ModelType type = ModelType.Checkpoint, string baseModel = "SD 1.5") =>
        new() { Hub = Hub.Civitai, Id = "4201", Name = name, Type = type, BaseModel = baseModel };

    public static ModelVersion CivitaiVersion(string name = "v1.0", string baseModel = "SD 1.5") =>
        new() { Hub = Hub.Civitai, ModelId = "4201", VersionId = "130072", Name = name, BaseModel = baseModel };

    public static ModelFile CivitaiFile(string name, string? format = "SafeTensor", string? precision = "fp16", string? variant = "pruned", bool primary = false, string kind = "Model", long size = 2_132_625_894) =>
        new()
        {
            Hub = Hub.Civitai, ModelId = "4201", VersionId = "130072", Name = name, Path = name, Kind = kind, Format = format,
            Precision = precision, Variant = variant, Primary = primary, Size = size, PickleScan = "Success", PickleScanMessage = "No Pickle imports", VirusScan = "Success",
        };
}
