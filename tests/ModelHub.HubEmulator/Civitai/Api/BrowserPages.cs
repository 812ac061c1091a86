using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// The site's HTML pages a browser lands on after a download redirect (sign-in, a version's page), and how the
/// download endpoint tells a browser: its User-Agent names one (PowerShell's default User-Agent does).
/// </summary>
internal static class BrowserPages
{
    private static readonly string[] BrowserMarks = ["mozilla", "chrome", "safari", "firefox", "opera", "edge"];

    public static bool IsBrowser(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        return Array.Exists(BrowserMarks, mark => agent.Contains(mark, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Where a browser is sent to sign in before downloading (getLoginLink: query keys sorted).</summary>
    public static string LoginLink(long versionId) => "/login?reason=download-auth&returnUrl=" + Uri.EscapeDataString("/model-versions/" + versionId);

    public static string VersionPage(long versionId) => "/model-versions/" + versionId;

    public static Task Login(HttpContext context) => CivitaiResponses.Html(context, Page(
        "Sign in | Civitai",
        "<h1>Sign in to Civitai</h1><p>The creator of this asset requires you to be logged in to download it.</p>"));

    public static Task Version(HttpContext context, string id) => CivitaiResponses.Html(context, Page(
        "Model version " + WebUtility.HtmlEncode(id) + " | Civitai",
        "<h1>Early Access</h1><p>This asset is in Early Access. You can use Buzz access it now!</p>"));

    private static string Page(string title, string body) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><main>" + body + "</main></body></html>";
}
