using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace ModelHub.Gallery;

/// <summary>
/// The page's style sheet and script (embedded next to this class), with the CSP hash sources that allow
/// exactly these inline blocks and nothing else.
/// </summary>
internal static class GalleryAssets
{
    private static readonly Lazy<string> StyleText = new(() => Read("gallery.css"));
    private static readonly Lazy<string> ScriptText = new(() => Read("gallery.js"));

    public static string Style => StyleText.Value;

    public static string Script => ScriptText.Value;

    /// <summary>The Content-Security-Policy: nothing but images from the web, this style sheet and this script.</summary>
    public static string ContentSecurityPolicy =>
        $"default-src 'none'; img-src http: https:; style-src {HashSource(Style)}; script-src {HashSource(Script)}; base-uri 'none'; form-action 'none'";

    /// <summary>A CSP hash source: the SHA-256 of the block's exact text as the page carries it (UTF-8).</summary>
    private static string HashSource(string block)
    {
        using var sha256 = SHA256.Create();
        return "'sha256-" + Convert.ToBase64String(sha256.ComputeHash(Encoding.UTF8.GetBytes(block))) + "'";
    }

    private static string Read(string name)
    {
        using var stream = typeof(GalleryAssets).Assembly.GetManifestResourceStream("ModelHub.Gallery." + name)
            ?? throw new InvalidOperationException("The gallery asset " + name + " is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
