using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;

namespace ModelHub.Tests.Library.Updates;

/// <summary>A hub of whole models (Civitai: versions newest first; Hugging Face: the head commit) and the files of each commit; counts what it is asked.</summary>
internal sealed class CatalogSource : IModelSource
{
    private readonly Dictionary<string, Model> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Model, string Version), IReadOnlyList<ModelFile>> _files = new();

    public CatalogSource(Hub hub)
    {
        Hub = hub;
    }

    public Hub Hub { get; }

    /// <summary>Model requests so far.</summary>
    public int ModelsRequested { get; private set; }

    /// <summary>File-list requests so far, by version.</summary>
    public List<string> FilesRequested { get; } = new();

    /// <summary>When set, every model request fails with it.</summary>
    public ModelHubException? Failure { get; set; }

    public CatalogSource Add(Model model)
    {
        _models[model.Id] = model;
        foreach (var version in model.Versions)
        {
            _files[(model.Id, version.VersionId)] = version.Files;
        }

        return this;
    }

    /// <summary>An older commit's files (Hugging Face models list only their head).</summary>
    public CatalogSource AddCommit(string modelId, string commit, params ModelFile[] files)
    {
        _files[(modelId, commit)] = files;
        return this;
    }

    public bool CanSort(ModelSort sort) => true;

    public Task<Model> GetModelAsync(string id, HubCallOptions options, CancellationToken cancellationToken)
    {
        ModelsRequested++;
        if (Failure is not null)
        {
            throw Failure;
        }

        return Task.FromResult(_models[id]);
    }

    public async IAsyncEnumerable<ModelFile> GetFilesAsync(string modelId, string? versionId, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var version = versionId ?? _models[modelId].LatestVersion!.VersionId;
        FilesRequested.Add(version);
        await Task.Yield();
        foreach (var file in _files[(modelId, version)])
        {
            yield return file;
        }
    }

    public IAsyncEnumerable<Model> SearchAsync(ModelQuery query, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<ModelVersion> GetVersionsAsync(string modelId, bool all, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> GetVersionRecordAsync(string modelId, string versionId, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ModelCard> GetCardAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<ModelImage> GetImagesAsync(string modelId, string? versionId, bool includeNsfw, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> WhoAmIAsync(string token, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<HashMatch>> FindByHashAsync(IReadOnlyList<string> sha256, HubCallOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>A Civitai model whose versions (newest first) are given.</summary>
    public static Model Civitai(string id, params ModelVersion[] versions) => new()
    {
        Hub = Hub.Civitai,
        Id = id,
        Name = "Model " + id,
        Type = ModelType.Checkpoint,
        BaseModel = versions[0].BaseModel,
        LatestVersion = versions[0],
        Versions = versions,
    };

    public static ModelVersion Version(string modelId, string versionId, string baseModel = "SDXL", DateTimeOffset? earlyAccessEndsAt = null, params ModelFile[] files) => new()
    {
        Hub = files.FirstOrDefault()?.Hub ?? Hub.Civitai,
        ModelId = modelId,
        VersionId = versionId,
        Name = "v" + versionId,
        BaseModel = baseModel,
        EarlyAccessEndsAt = earlyAccessEndsAt,
        Files = files.Select(file => new ModelFile
        {
            Hub = file.Hub,
            ModelId = modelId,
            VersionId = versionId,
            Name = file.Name,
            Path = file.Path.Length > 0 ? file.Path : file.Name,
            Kind = file.Kind,
            Format = file.Format,
            Precision = file.Precision,
            Variant = file.Variant,
            Primary = file.Primary,
            Sha256 = file.Sha256,
            Size = file.Size,
        }).ToArray(),
    };

    /// <summary>A Civitai file whose hash is made from its name (so each file has its own).</summary>
    public static ModelFile CivitaiFile(string name, string format = "SafeTensor", string? precision = "fp16", string? variant = "full", bool primary = false, string kind = "Model") => new()
    {
        Hub = Hub.Civitai,
        Name = name,
        Format = format,
        Precision = precision,
        Variant = variant,
        Kind = kind,
        Primary = primary,
        Sha256 = Sha256Of(name),
    };

    /// <summary>A Hugging Face model at its head commit with these files.</summary>
    public static Model HuggingFace(string id, string head, string baseModel, params ModelFile[] files)
    {
        var version = new ModelVersion
        {
            Hub = Hub.HuggingFace,
            ModelId = id,
            VersionId = head,
            Name = "main",
            BaseModel = baseModel,
            Files = files,
        };
        return new Model { Hub = Hub.HuggingFace, Id = id, Name = id.Split('/')[1], Type = ModelType.LoRA, BaseModel = baseModel, LatestVersion = version, Versions = new[] { version } };
    }

    /// <summary>A Hugging Face file at a commit: LFS files have a sha256, small files only a git blob id.</summary>
    public static ModelFile RepoFile(string modelId, string commit, string path, string? sha256) => new()
    {
        Hub = Hub.HuggingFace,
        ModelId = modelId,
        VersionId = commit,
        Name = path.Split('/').Last(),
        Path = path,
        Format = path.EndsWith(".safetensors", StringComparison.Ordinal) ? "SafeTensor" : "Other",
        Sha256 = sha256,
        GitBlobId = sha256 is null ? "b10b" + commit : null,
    };

    public static string Sha256Of(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
