using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.Cdn;

/// <summary>Checks a request for a pre-signed URL as S3 does: one auth mechanism, every parameter, not expired, signature intact.</summary>
internal sealed class SignedUrlCheck
{
    private const string AmzPrefix = "X-Amz-";
    private const string DateParameter = "X-Amz-Date";
    private const string ExpiresParameter = "X-Amz-Expires";

    private static readonly string[] RequiredParameters =
        ["X-Amz-Algorithm", "X-Amz-Credential", UrlSigner.SignatureParameter, DateParameter, "X-Amz-SignedHeaders", ExpiresParameter];

    private readonly UrlSigner _signer;
    private readonly TimeProvider _time;

    public SignedUrlCheck(UrlSigner signer, TimeProvider time)
    {
        _signer = signer;
        _time = time;
    }

    /// <summary>The error to answer, or null when the URL is valid.</summary>
    public S3Error? Check(HttpRequest request)
    {
        var query = request.Query;
        var isPresigned = query.Keys.Any(name => name.StartsWith(AmzPrefix, StringComparison.OrdinalIgnoreCase));
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return isPresigned ? S3Error.TwoAuthMechanisms(authorization) : S3Error.UnsupportedAuthorization(authorization);
        }

        if (!isPresigned)
        {
            return S3Error.AccessDenied();
        }

        if (RequiredParameters.Any(name => query[name].Count != 1))
        {
            return S3Error.QueryParameters(
                "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }

        if (!DateTimeOffset.TryParseExact(query[DateParameter].ToString(), CdnUrls.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return S3Error.QueryParameters("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }

        if (!long.TryParse(query[ExpiresParameter].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return S3Error.QueryParameters("X-Amz-Expires should be a number");
        }

        var now = _time.GetUtcNow();
        if (now > signedAt.AddSeconds(expires))
        {
            return S3Error.Expired(expires, signedAt.AddSeconds(expires), now);
        }

        var unsigned = query
            .Where(parameter => parameter.Key != UrlSigner.SignatureParameter)
            .SelectMany(parameter => parameter.Value.Select(value => new KeyValuePair<string, string>(parameter.Key, value ?? string.Empty)));
        return _signer.IsValid(request.Path.Value ?? string.Empty, unsigned, query[UrlSigner.SignatureParameter].ToString())
            ? null
            : S3Error.SignatureDoesNotMatch();
    }
}
