using System;
using System.Text.Json;
using ModelHub.Http;
using ModelHub.Images;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// A Civitai image as a <see cref="ModelImage"/>: an items[] entry of /api/v1/images (nsfwLevel a name, an id, the
/// nsfw flag) or an images[] entry of a version (nsfwLevel a bitmask, no id; 2023: nsfw a flag or a name).
/// </summary>
internal static class CivitaiImageMapper
{
    /// <param name="member">How the answer names the entry, for an error: items[], images[].</param>
    public static ModelImage Map(JsonElement image, string modelId, string? versionId, HubRequest request, string member)
    {
        // Image URLs are kept as given: they are on Civitai's image CDN (the emulator's CDN origin), never the API's.
        var url = Uri.TryCreate(image.Text("url"), UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
            ? address
            : throw CivitaiErrors.Lacks(request, member + ".url");
        var level = CivitaiImageLevel.Name(image);
        var parameters = GenerationMetaReader.Read(image.Field("meta") ?? default);
        return new ModelImage
        {
            Hub = Hub.Civitai,
            ModelId = modelId,
            VersionId = versionId,
            Id = image.Text("id"),
            Url = url,
            Width = (int?)image.WholeNumber("width"),
            Height = (int?)image.WholeNumber("height"),
            NsfwLevel = level,
            Nsfw = CivitaiImageLevel.IsNsfw(image, level),
            Prompt = parameters.Prompt,
            NegativePrompt = parameters.NegativePrompt,
            Seed = parameters.Seed,
            Steps = parameters.Steps,
            Sampler = parameters.Sampler,
            CfgScale = parameters.CfgScale,
            Model = parameters.Model,
            Resources = parameters.Resources,
            Meta = parameters.Meta,
        };
    }
}
