using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// Who may see what. The valid token's user is approved for every gated repo and belongs to the private repo's
/// organisation; the no-access token's user is neither; an expired token is refused everywhere.
/// </summary>
internal sealed class RepoAccess
{
    private readonly HfCatalog _catalog;

    public RepoAccess(HfCatalog catalog)
    {
        _catalog = catalog;
    }

    /// <summary>
    /// The repository a request names, or the answer instead: a relative 307 for a renamed repo (same path and
    /// query under the new id), RepoNotFound for a missing one or a private one the caller may not see, 403 for a
    /// disabled one.
    /// </summary>
    public (HfRepo? Repo, IResult? Answer) Find(HttpContext context, RepoPath path, string prefix, Caller caller)
    {
        if (_catalog.RenamedTo(path.RepoId) is { } renamed)
        {
            return (null, HubResponses.Redirect(StatusCodes.Status307TemporaryRedirect, prefix + renamed + path.RawSuffix + context.Request.QueryString));
        }

        var repo = _catalog.Find(path.RepoId);
        if (repo is null || !CanSee(repo, caller))
        {
            return (null, HubError.RepoNotFound(caller));
        }

        return repo.Disabled ? (null, HubError.Disabled()) : (repo, null);
    }

    public static bool CanSee(HfRepo repo, Caller caller) => !repo.Private || caller == Caller.Valid;

    /// <summary>GatedRepo when the caller may not read the repository's files; null when it may.</summary>
    public static HubError? FilesRefused(HfRepo repo, Caller caller) =>
        repo.Gated is not null && caller != Caller.Valid ? HubError.Gated(repo.Id, caller) : null;
}
