using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// A request path naming a repository: "{prefix}{owner}/{name}/{action}/{rest…}" or, for legacy ids without an
/// owner, "{prefix}{name}/{action}/…". Segments are decoded one by one from the raw target, so a revision or a
/// path sent with %2F (as huggingface_hub and huggingface.js send them) arrives whole.
/// </summary>
/// <param name="RepoId">The repository id as requested.</param>
/// <param name="Action">"revision", "tree", "resolve"…, or null for the repository itself.</param>
/// <param name="Rest">The decoded segments after the action.</param>
/// <param name="RawSuffix">The raw path after the repository id (kept as sent, for redirects of renamed repos).</param>
internal sealed record RepoPath(string RepoId, string? Action, IReadOnlyList<string> Rest, string RawSuffix)
{
    public static RepoPath? Parse(HttpContext context, string prefix, IReadOnlySet<string> actions)
    {
        var raw = RawPath(context);
        if (!raw.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = raw[prefix.Length..].Split('/');
        var actionAt = segments.Length > 2 && actions.Contains(segments[2]) ? 2
            : segments.Length > 1 && actions.Contains(segments[1]) ? 1
            : -1;
        var idLength = actionAt > 0 ? actionAt : segments.Length;
        if (idLength is < 1 or > 2 || segments.Take(idLength).Any(segment => segment.Length == 0))
        {
            return null;
        }

        var repoId = string.Join('/', segments.Take(idLength).Select(Uri.UnescapeDataString));
        var rawSuffix = string.Concat(segments.Skip(idLength).Select(segment => "/" + segment));
        return actionAt > 0
            ? new RepoPath(repoId, segments[actionAt], segments.Skip(actionAt + 1).Select(Uri.UnescapeDataString).ToList(), rawSuffix)
            : new RepoPath(repoId, null, [], rawSuffix);
    }

    /// <summary>The segments after the action joined with "/" (a file or folder path); empty when none.</summary>
    public string RestPath(int skip = 0) => string.Join('/', Rest.Skip(skip)).Trim('/');

    /// <summary>The request path exactly as sent, without the query.</summary>
    public static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var query = target.IndexOf('?');
        return query >= 0 ? target[..query] : target;
    }
}
