using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ModelHub.Discovery;

/// <summary>One hub, as the discovery engine sees it. Each hub client implements it; the engine knows no hub.</summary>
public interface IModelSource
{
    Hub Hub { get; }

    /// <summary>Whether this hub can return results in this order (on the server, or exactly on the client).</summary>
    bool CanSort(ModelSort sort);

    /// <summary>
    /// The models matching the query, in the query's order, page by page as they are read: no page is
    /// requested before the caller asks for its first item. Versions carry what the listing shows.
    /// </summary>
    IAsyncEnumerable<Model> SearchAsync(ModelQuery query, HubCallOptions options, CancellationToken cancellationToken);

    /// <summary>One model with all its versions and their files (Hugging Face: the default branch's commit). Follows renamed repos.</summary>
    Task<Model> GetModelAsync(string id, HubCallOptions options, CancellationToken cancellationToken);

    /// <summary>A model's versions, newest first: Civitai versions; Hugging Face commits of the default branch (only its head unless <paramref name="all"/>).</summary>
    IAsyncEnumerable<ModelVersion> GetVersionsAsync(string modelId, bool all, HubCallOptions options, CancellationToken cancellationToken);

    /// <summary>A version's files (the latest version when <paramref name="versionId"/> is null); Hugging Face: the whole tree, recursive, paged.</summary>
    IAsyncEnumerable<ModelFile> GetFilesAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken);

    /// <summary>The model's card (Civitai: model and version description; Hugging Face: README.md at the revision).</summary>
    Task<ModelCard> GetCardAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// The model's sample images, lazily: Civitai's /api/v1/images (then the images embedded in the version);
    /// Hugging Face the images its card shows (widget outputs, README images), each once. NSFW ones only when asked.
    /// </summary>
    IAsyncEnumerable<ModelImage> GetImagesAsync(string modelId, string? versionId, bool includeNsfw, HubCallOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// The hub's own JSON record of one version, as its text, exactly as returned: Civitai /api/v1/model-versions/{id};
    /// Hugging Face /api/models/{id}/revision/{sha}. Written beside installed files (.civitai.info).
    /// </summary>
    Task<string> GetVersionRecordAsync(string modelId, string versionId, HubCallOptions options, CancellationToken cancellationToken);

    /// <summary>The user name behind a token (Civitai /api/v1/me, Hugging Face /api/whoami-v2); a token the hub refuses is HubTokenInvalid.</summary>
    Task<string> WhoAmIAsync(string token, HubCallOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// The files this hub knows by SHA-256 (lowercase hex), at most <see cref="ModelSourceLimits.MaxHashesPerLookup"/> per call; hashes it
    /// does not know are left out. Civitai: POST /api/v1/model-versions/by-hash; Hugging Face has no such lookup and finds none.
    /// </summary>
    Task<IReadOnlyList<HashMatch>> FindByHashAsync(IReadOnlyList<string> sha256, HubCallOptions options, CancellationToken cancellationToken);
}

/// <summary>Limits shared by every <see cref="IModelSource"/>.</summary>
public static class ModelSourceLimits
{
    /// <summary>The most hashes one lookup carries (Civitai's bulk by-hash takes 100).</summary>
    public const int MaxHashesPerLookup = 100;
}
