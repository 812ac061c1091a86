using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace ModelHub.HubEmulator.Cdn;

/// <summary>
/// Signs a CDN path with all its query parameters (but the signature) using HMAC-SHA256 and a key drawn
/// at random per process, so a URL cannot be altered, extended or forged without the CDN noticing.
/// </summary>
internal sealed class UrlSigner
{
    public const string SignatureParameter = "X-Amz-Signature";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <param name="path">The decoded path, as the server sees it.</param>
    /// <param name="parameters">The decoded query parameters, without the signature.</param>
    public string Sign(string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var canonical = new StringBuilder(path);
        foreach (var (name, value) in parameters.OrderBy(parameter => parameter.Key, StringComparer.Ordinal).ThenBy(parameter => parameter.Value, StringComparer.Ordinal))
        {
            canonical.Append('\n').Append(name).Append('=').Append(value);
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    public bool IsValid(string path, IEnumerable<KeyValuePair<string, string>> parameters, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(path, parameters)), Encoding.ASCII.GetBytes(signature));
}
