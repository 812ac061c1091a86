using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// The Hub's addresses for a model repository, relative to its endpoint: the API paths, the web pages and the
/// file downloads. Ids and file paths keep their slashes; a revision is escaped whole (refs/pr/1 → refs%2Fpr%2F1).
/// </summary>
internal static class RepoPaths
{
    /// <summary>The branch the Hub shows by default and whose history is a model's versions.</summary>
    public const string DefaultBranch = "main";

    /// <summary>Model info at the head of the default branch.</summary>
    public static string Info(string repoId) => "api/models/" + Segments(repoId);

    /// <summary>Model info at the head of the default branch, with only _id, id and these keys.</summary>
    public static string Info(string repoId, IEnumerable<string> expand) => Info(repoId) + "?" + Expand(expand);

    /// <summary>The query parameters asking for these keys (expand=a&amp;expand=b).</summary>
    public static string Expand(IEnumerable<string> keys) => string.Join("&", keys.Select(key => "expand=" + Uri.EscapeDataString(key)));

    /// <summary>Model info at a revision (a branch, tag or commit), with only _id, id and these keys.</summary>
    public static string Revision(string repoId, string revision, IEnumerable<string> expand) =>
        Revision(repoId, revision) + "?" + Expand(expand);

    /// <summary>Model info at a revision (a branch, tag or commit), whole: the keys the Hub sends by default.</summary>
    public static string Revision(string repoId, string revision) => Info(repoId) + "/revision/" + Uri.EscapeDataString(revision);

    /// <summary>Every file at a commit (the listing is paged with Link).</summary>
    public static string Tree(string repoId, string revision) => Info(repoId) + "/tree/" + Uri.EscapeDataString(revision) + "?recursive=true";

    /// <summary>The commits of a branch, newest first (paged with Link).</summary>
    public static string Commits(string repoId, string branch) => Info(repoId) + "/commits/" + Uri.EscapeDataString(branch);

    /// <summary>The repository's web page.</summary>
    public static string Page(string repoId) => Segments(repoId);

    /// <summary>The web page of the files at a commit.</summary>
    public static string TreePage(string repoId, string revision) => Segments(repoId) + "/tree/" + Uri.EscapeDataString(revision);

    /// <summary>The download of a file at a commit.</summary>
    public static string Resolve(string repoId, string revision, string path) =>
        Segments(repoId) + "/resolve/" + Uri.EscapeDataString(revision) + "/" + Segments(path);

    private static string Segments(string path) => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));
}
