using System;
using System.Linq;
using System.Text;

namespace ModelHub.Http;

/// <summary>Keeps secrets out of anything shown or stored: tokens and signed-URL signatures.</summary>
public static class Redaction
{
    public const string Mask = "***";

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

    private static bool IsSecret(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower is "token" or "sig" or "access_token" or "api_key" or "apikey"
            || lower.Contains("signature") || lower.Contains("credential") || lower.Contains("security-token");
    }
}
