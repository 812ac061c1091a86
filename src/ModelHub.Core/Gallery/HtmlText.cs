using System;
using System.Net;

namespace ModelHub.Gallery;

/// <summary>How hub-supplied values enter the page: always encoded, and links only to the web.</summary>
internal static class HtmlText
{
    /// <summary>Text for element content or a double-quoted attribute (&lt; &gt; &amp; " and ' encoded).</summary>
    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    /// <summary>
    /// The URL, encoded for an attribute, when it is absolute http or https; otherwise null, so a hub
    /// cannot slip a javascript: or data: URL into a link or an image.
    /// </summary>
    public static string? Url(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? Encode(url.AbsoluteUri)
            : null;
}
