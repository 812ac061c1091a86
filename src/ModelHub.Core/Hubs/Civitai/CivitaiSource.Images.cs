using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// A model's sample images: GET /api/v1/images by model (and version), cursor-paged, then the images embedded in
/// the version (the latest when none is given) that the listing did not give. NSFW images only when asked for:
/// the query asks for safe levels, and each image is checked again.
/// </summary>
public sealed partial class CivitaiSource
{
    public async IAsyncEnumerable<ModelImage> GetImagesAsync(string modelId, string? versionId, bool includeNsfw, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var target = versionId is null ? modelId : CivitaiIds.VersionTarget(modelId, versionId);
        CivitaiIds.Require(modelId, target);
        if (versionId is not null)
        {
            CivitaiIds.Require(versionId, target);
        }

        // The version's images are not filtered by the query, so every image is checked; one the listing gave is not given again.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var image in ListedThenEmbeddedAsync(modelId, versionId, includeNsfw, options, target, cancellationToken).ConfigureAwait(false))
        {
            if (seen.Add(image.Url.AbsoluteUri) && (includeNsfw || !image.Nsfw))
            {
                yield return image;
            }
        }
    }

    private async IAsyncEnumerable<ModelImage> ListedThenEmbeddedAsync(string modelId, string? versionId, bool includeNsfw, HubCallOptions options, string target, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var listed = ListAsync(cursor => CivitaiImagesQuery.PathAndQuery(modelId, versionId, includeNsfw, cursor), options, target, cancellationToken);
        await foreach (var (item, request) in listed.ConfigureAwait(false))
        {
            yield return CivitaiImageMapper.Map(item, modelId, versionId, request, "items[]");
        }

        foreach (var image in await GetVersionImagesAsync(modelId, versionId, options, cancellationToken).ConfigureAwait(false))
        {
            yield return image;
        }
    }

    /// <summary>
    /// The images embedded in /api/v1/model-versions/{id}, which carry their generation metadata (the model's own
    /// version entries do not). Without a version, the model's latest; none when the model has no version.
    /// </summary>
    private async Task<IReadOnlyList<ModelImage>> GetVersionImagesAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken)
    {
        var wanted = versionId ?? (await GetModelAsync(modelId, options, cancellationToken).ConfigureAwait(false)).LatestVersion?.VersionId;
        return wanted is null
            ? Array.Empty<ModelImage>()
            : await ReadVersionAsync<IReadOnlyList<ModelImage>>(
                modelId,
                wanted,
                options,
                (version, id, request) => version.Elements("images").Select(image => CivitaiImageMapper.Map(image, modelId, id, request, "images[]")).ToArray(),
                cancellationToken).ConfigureAwait(false);
    }
}
