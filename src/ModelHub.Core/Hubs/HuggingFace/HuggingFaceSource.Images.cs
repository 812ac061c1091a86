using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using ModelHub.Discovery;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>A repo's sample images: the ones its model card shows.</summary>
public sealed partial class HuggingFaceSource
{
    /// <summary>
    /// The widget outputs (with their prompts), then the README's images, each once. The Hub rates repos, not
    /// images: a not-for-all-audiences repo's images are all NSFW, and left out unless <paramref name="includeNsfw"/>.
    /// </summary>
    public async IAsyncEnumerable<ModelImage> GetImagesAsync(string modelId, string? versionId, bool includeNsfw, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (card, info, endpoint) = await ReadCardAsync(modelId, versionId, options, cancellationToken).ConfigureAwait(false);
        if (info.Nsfw && !includeNsfw)
        {
            yield break;
        }

        foreach (var image in CardImages.Of(card, endpoint, info.Nsfw))
        {
            yield return image;
        }
    }
}
