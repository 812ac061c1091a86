using System;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// The next page of a Hub listing: <c>Link: &lt;https://…&amp;cursor=…&gt;; rel="next"</c>, GitHub style. The
/// last page has no such link.
/// </summary>
internal static class LinkHeader
{
    // One link: <target> then its parameters, up to the next link (targets may hold commas, parameters do not).
    private static readonly Regex Link = new(@"<(?<target>[^>]*)>(?<parameters>[^<]*)", RegexOptions.CultureInvariant);

    private static readonly Regex Relation = new(@";\s*rel\s*=\s*""?(?<rel>[^"";,]*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The address of the next page, or null on the last page. A relative target is read against the page's own address.</summary>
    public static Uri? Next(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        var next = values
            .SelectMany(value => Link.Matches(value).Cast<Match>())
            .FirstOrDefault(link => Relation.Match(link.Groups["parameters"].Value) is { Success: true } relation
                && relation.Groups["rel"].Value.Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase));
        if (next is null)
        {
            return null;
        }

        var page = response.RequestMessage?.RequestUri;
        return page is not null && Uri.TryCreate(page, next.Groups["target"].Value.Trim(), out var address) ? address : null;
    }
}
