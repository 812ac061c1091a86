using System;
using System.Collections.Generic;
using System.Linq;
using ModelHub.Cards;
using ModelHub.Settings;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// The images a repo's card shows, as ModelImages: the widget's outputs with their prompts, then the images of the
/// README body; paths in the repo resolve to the card's commit, absolute addresses stay as they are.
/// </summary>
internal static class CardImages
{
    public static IEnumerable<ModelImage> Of(ModelCard card, HubEndpoint endpoint, bool nsfw)
    {
        var widget = PlainValues.Mappings(card.Metadata, "widget").Select(entry => new Shown(
            PlainValues.Text(PlainValues.Member(entry, "output"), "url"),
            PlainValues.Text(entry, "text"),
            PlainValues.Text(PlainValues.Member(entry, "parameters"), "negative_prompt")));
        var body = MarkdownContent.Parse(card.Markdown).Images.Select(source => new Shown(source, Prompt: null, NegativePrompt: null));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var shown in widget.Concat(body))
        {
            if (shown.Source is not null && Resolve(shown.Source, endpoint, card.Id, card.VersionId!) is { } url && seen.Add(url.AbsoluteUri))
            {
                yield return new ModelImage
                {
                    Hub = Hub.HuggingFace,
                    ModelId = card.Id,
                    VersionId = card.VersionId,
                    Url = url,
                    Nsfw = nsfw,
                    Prompt = shown.Prompt,
                    NegativePrompt = shown.NegativePrompt,
                };
            }
        }
    }

    /// <summary>
    /// Where an image the card names is: an http(s) address as it is, a root- or scheme-relative one on the hub's
    /// origin, a path a file of the repo at the commit; anything else (data:, javascript:) is no image to fetch.
    /// </summary>
    private static Uri? Resolve(string source, HubEndpoint endpoint, string repoId, string commit)
    {
        var address = source.Trim();
        if (address.StartsWith("/", StringComparison.Ordinal))
        {
            return new Uri(endpoint.Uri, address);
        }

        if (Uri.TryCreate(address, UriKind.Absolute, out var absolute))
        {
            return absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp ? absolute : null;
        }

        var path = Uri.UnescapeDataString(address.Split('?', '#')[0]);
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path.Substring(2);
        }

        return path.Length == 0 ? null : endpoint.Combine(RepoPaths.Resolve(repoId, commit, path));
    }

    private sealed record Shown(string? Source, string? Prompt, string? NegativePrompt);
}
