using System;
using System.Linq;
using System.Text.RegularExpressions;
using ModelHub.Errors;
using ModelHub.Resources;
using ModelHub.Settings;

namespace ModelHub.Discovery;

/// <summary>
/// A model named the way users name them: <c>civitai:4201</c>, <c>hf:org/name</c>, a bare number (Civitai),
/// <c>org/name</c> (Hugging Face), an AIR (<c>urn:air:sdxl:lora:civitai:4201@130072</c>), or a web page URL
/// (<c>https://civitai.com/models/4201/name?modelVersionId=130072</c>, <c>https://huggingface.co/org/name/tree/rev</c>).
/// </summary>
public sealed record ModelReference(Hub Hub, string Id, string? VersionId = null)
{
    private static readonly Regex Air = new(@"^urn:air:[^:]+:[^:]+:(?<source>civitai|huggingface):(?<id>[^@]+)(?:@(?<version>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex RepoId = new(@"^[A-Za-z0-9][\w.-]*/[\w.-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex CivitaiPath = new(@"^/models/(?<id>\d+)(?:/[^/]*)?/?$", RegexOptions.CultureInvariant);
    private static readonly Regex HuggingFacePath = new(@"^/(?<id>[^/]+/[^/]+?)(?:/(?:tree|blob|resolve|commit)/(?<rev>[^/]+)(?:/.*)?)?/?$", RegexOptions.CultureInvariant);

    /// <summary>Reads a reference; the configured endpoints also count as each hub's host (a mirror, the emulator).</summary>
    public static ModelReference Parse(string text, Hub? hub, ModelHubSettings settings)
    {
        var value = text.Trim();
        var reference = hub switch
        {
            Hub.Civitai when IsCivitaiId(value) => new ModelReference(Hub.Civitai, value),
            Hub.HuggingFace when RepoId.IsMatch(value) => new ModelReference(Hub.HuggingFace, value),
            _ => Prefixed(value) ?? FromAir(value) ?? FromUrl(value, settings) ?? Bare(value),
        };
        if (reference is null || (hub is { } expected && reference.Hub != expected))
        {
            throw new ModelHubException(ErrorIds.InvalidModelReference, HubErrorCategory.InvalidArgument,
                Text.Format(Messages.InvalidModelReference, text), Messages.InvalidModelReferenceAction)
            {
                Hub = hub,
                Target = text,
            };
        }

        return reference;
    }

    /// <summary>The reference as users write it with a hub prefix: civitai:4201, hf:org/name.</summary>
    public override string ToString() => (Hub == Hub.Civitai ? "civitai:" : "hf:") + Id + (VersionId is null ? string.Empty : "@" + VersionId);

    private static bool IsCivitaiId(string value) => value.Length > 0 && value.All(char.IsDigit);

    private static ModelReference? Bare(string value) =>
        IsCivitaiId(value) ? new ModelReference(Hub.Civitai, value)
        : RepoId.IsMatch(value) ? new ModelReference(Hub.HuggingFace, value)
        : null;

    private static ModelReference? Prefixed(string value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0 || value.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) || value.Contains("://"))
        {
            return null;
        }

        var (id, version) = SplitVersion(value.Substring(colon + 1));
        return value.Substring(0, colon).ToLowerInvariant() switch
        {
            "civitai" when IsCivitaiId(id) => new ModelReference(Hub.Civitai, id, version),
            "hf" or "huggingface" when RepoId.IsMatch(id) => new ModelReference(Hub.HuggingFace, id, version),
            _ => null,
        };
    }

    private static ModelReference? FromAir(string value)
    {
        var match = Air.Match(value);
        if (!match.Success)
        {
            return null;
        }

        var version = match.Groups["version"].Success ? match.Groups["version"].Value : null;
        var id = match.Groups["id"].Value;
        return match.Groups["source"].Value.Equals("civitai", StringComparison.OrdinalIgnoreCase)
            ? IsCivitaiId(id) ? new ModelReference(Hub.Civitai, id, version) : null
            : RepoId.IsMatch(id) ? new ModelReference(Hub.HuggingFace, id, version) : null;
    }

    private static ModelReference? FromUrl(string value, ModelHubSettings settings)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        if (IsHost(url, settings.Civitai, "civitai.com") && CivitaiPath.Match(url.AbsolutePath) is { Success: true } civitai)
        {
            return new ModelReference(Hub.Civitai, civitai.Groups["id"].Value, QueryValue(url, "modelVersionId"));
        }

        if (IsHost(url, settings.HuggingFace, "huggingface.co", "hf.co") && HuggingFacePath.Match(Uri.UnescapeDataString(url.AbsolutePath)) is { Success: true } repo)
        {
            return new ModelReference(Hub.HuggingFace, repo.Groups["id"].Value, repo.Groups["rev"].Success ? repo.Groups["rev"].Value : null);
        }

        return null;
    }

    private static bool IsHost(Uri url, HubEndpoint endpoint, params string[] publicHosts) =>
        HubEndpoint.SameOrigin(url, endpoint.Uri)
        || publicHosts.Any(host => url.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase));

    private static (string Id, string? Version) SplitVersion(string value)
    {
        var at = value.IndexOf('@');
        return at < 0 ? (value, null) : (value.Substring(0, at), value.Substring(at + 1));
    }

    private static string? QueryValue(Uri url, string name) =>
        url.Query.TrimStart('?').Split('&')
            .Select(part => part.Split(new[] { '=' }, 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .FirstOrDefault();
}
