using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelHub.HubEmulator.Content;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.Cdn;

/// <summary>
/// Addresses of files on the CDN origin: S3-style pre-signed download URLs, and public image URLs. Give
/// clients <see cref="Uri.AbsoluteUri"/> (Uri.ToString() unescapes the query).
/// </summary>
public sealed class CdnUrls
{
    internal const string FilesPrefix = "/files/";
    internal const string ImagesPrefix = "/images/";
    internal const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private const string Algorithm = "AWS4-HMAC-SHA256";

    private readonly Origins _origins;
    private readonly TimeSpan _ttl;
    private readonly TimeProvider _time;
    private readonly string _accessKey;

    public CdnUrls(Origins origins, EmulatorOptions options, TimeProvider time)
    {
        _origins = origins;
        _ttl = options.SignedUrlTtl;
        _time = time;
        _accessKey = Seeds.Mix(options.Seed).ToString("x16", CultureInfo.InvariantCulture) + Seeds.Mix(~options.Seed).ToString("x16", CultureInfo.InvariantCulture);
    }

    internal UrlSigner Signer { get; } = new();

    /// <summary>
    /// A signed, expiring download URL for the file (valid for --signed-url-ttl), carrying the download name as
    /// <c>response-content-disposition=attachment; filename="…"</c> (or inline) like an S3 pre-signed URL.
    /// </summary>
    public Uri Signed(FileSpec spec, string fileName, bool inline = false)
    {
        var now = _time.GetUtcNow();
        var disposition = ContentDisposition(fileName, inline);

        // The parameter order of a real Civitai download redirect (fixtures/civitai/download-redirect-307-headers.txt).
        List<KeyValuePair<string, string>> parameters =
        [
            new("X-Amz-Expires", ((long)_ttl.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            new("response-content-disposition", disposition),
            new("X-Amz-Algorithm", Algorithm),
            new("X-Amz-Credential", $"{_accessKey}/{now.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/us-east-1/s3/aws4_request"),
            new("X-Amz-Date", now.ToString(DateFormat, CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", "host"),
        ];
        var path = FilesPrefix + spec.Key + "/" + fileName;
        parameters.Add(new(UrlSigner.SignatureParameter, Signer.Sign(path, parameters)));
        var query = string.Join('&', parameters.Select(parameter => parameter.Key + "=" + EscapeQueryValue(parameter.Value)));
        return Origins.Combine(_origins.Cdn, EscapedPath(FilesPrefix, spec.Key, fileName) + "?" + query);
    }

    /// <summary>A public, unsigned URL (sample images).</summary>
    public Uri Public(FileSpec spec, string fileName) => Origins.Combine(_origins.Cdn, EscapedPath(ImagesPrefix, spec.Key, fileName));

    /// <summary>
    /// Civitai's form (attachment; filename="…") or Hugging Face's (inline; filename*=…; filename="…";). A name
    /// that is not plain ASCII also goes in filename* (RFC 6266), since a header value must be ASCII.
    /// </summary>
    internal static string ContentDisposition(string fileName, bool inline)
    {
        var quoted = new string(fileName.Select(character => character is >= ' ' and < '\u007f' and not '"' and not '\\' ? character : '_').ToArray());
        var encoded = "filename*=UTF-8''" + Uri.EscapeDataString(fileName);
        return inline
            ? $"inline; {encoded}; filename=\"{quoted}\";"
            : quoted == fileName ? $"attachment; filename=\"{fileName}\"" : $"attachment; filename=\"{quoted}\"; {encoded}";
    }

    private static string EscapedPath(string prefix, string key, string fileName) =>
        prefix + string.Join('/', key.Split('/').Select(Uri.EscapeDataString)) + "/" + Uri.EscapeDataString(fileName);

    // Slashes in a credential stay as they are, as in the recorded redirect.
    private static string EscapeQueryValue(string value) => Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal);
}
