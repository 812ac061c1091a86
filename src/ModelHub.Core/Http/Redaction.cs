using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelHub.Http;

/// <summary>Keeps secrets out of anything shown or stored: tokens and signed-URL signatures.</summary>
public static class Redaction
{
    public const string Mask = "***";

    private static readonly Regex UrlInText = new(@"https?://[^\s""'<>()\[\]]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The URL with the values of secret-bearing query parameters (token, signatures, credentials) masked.</summary>
    public static string Url(Uri uri)
    {
        if (!uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Query))
        {
            return uri.ToString();
        }

        var parts = uri.Query.TrimStart('?').Split('&').Select(RedactParameter);
        var builder = new StringBuilder(uri.GetLeftPart(UriPartial.Path)).Append('?').Append(string.Join("&", parts));
        return builder.Append(uri.Fragment).ToString();
    }

    /// <summary>The text with every given secret masked.</summary>
    public static string Text(string text, params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Mask);
            }
        }

        return text;
    }

    private static string RedactParameter(string parameter)
    {
        var equals = parameter.IndexOf('=');
        if (equals < 0)
        {
            return parameter;
        }

        var name = Uri.UnescapeDataString(parameter.Substring(0, equals));
        return IsSecret(name) ? parameter.Substring(0, equals + 1) + Mask : parameter;
    }

    private static bool IsSecret(string name) => name.ToLowerInvariant() is "token" or "access_token" or "api_key" or "apikey" || IsSignature(name);

    /// <summary>The parameters that sign a URL (S3, CloudFront, Azure, Google): the URL is a signed one.</summary>
    private static bool IsSignature(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower == "sig" || lower.Contains("signature") || lower.Contains("credential") || lower.Contains("security-token");
    }

    /// <summary>
    /// The text with every http(s) URL in it cleared of secrets, for what is stored (sidecars, records): secret-bearing
    /// query parameters are removed, not masked, and a signed URL loses its whole query, whose other parameters only
    /// describe the signature (X-Amz-Date, Expires, …).
    /// </summary>
    public static string StripUrlSecrets(string text) => UrlInText.Replace(text, match => WithoutSecrets(match.Value));

    private static string WithoutSecrets(string url)
    {
        var start = url.IndexOf('?');
        if (start < 0)
        {
            return url;
        }

        var fragment = url.IndexOf('#', start);
        var end = fragment < 0 ? url.Length : fragment;
        var parameters = url.Substring(start + 1, end - start - 1).Split('&');
        var secrets = parameters.Select(ParameterName).Where(IsSecret).ToList();
        if (secrets.Count == 0)
        {
            return url;
        }

        var kept = secrets.Any(IsSignature) ? Array.Empty<string>() : parameters.Where(parameter => !IsSecret(ParameterName(parameter))).ToArray();
        return url.Substring(0, start) + (kept.Length == 0 ? string.Empty : "?" + string.Join("&", kept)) + url.Substring(end);
    }

    private static string ParameterName(string parameter)
    {
        var equals = parameter.IndexOf('=');
        return Uri.UnescapeDataString(equals < 0 ? parameter : parameter.Substring(0, equals));
    }
}
