using System;
using ModelHub.Settings;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// Civitai web pages and download links, on the configured endpoint, so they point at the hub in use
/// (the real one, a mirror or the emulator) and a token only ever travels to that origin.
/// </summary>
internal static class CivitaiUrls
{
    public static Uri ModelPage(HubEndpoint endpoint, string modelId) => endpoint.Combine("models/" + modelId);

    public static Uri VersionPage(HubEndpoint endpoint, string modelId, string versionId) =>
        endpoint.Combine("models/" + modelId + "?modelVersionId=" + versionId);

    /// <summary>
    /// The hub's download link on the endpoint's origin: kept when it is already there, else its path and query
    /// (type, format, …) moved onto the endpoint (a mirror or the emulator serving civitai.com's links).
    /// </summary>
    /// <summary>The download endpoint's path for a version's file: the primary file by default, another by its type and format.</summary>
    public static string DownloadPath(string versionId, string? type, string? format) =>
        "api/download/models/" + Uri.EscapeDataString(versionId)
        + (type is null ? string.Empty : "?type=" + Uri.EscapeDataString(type) + (format is null ? string.Empty : "&format=" + Uri.EscapeDataString(format)));

    public static Uri? Download(HubEndpoint endpoint, string? link)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return null;
        }

        return HubEndpoint.SameOrigin(uri, endpoint.Uri) ? uri : endpoint.Combine(uri.PathAndQuery);
    }
}
