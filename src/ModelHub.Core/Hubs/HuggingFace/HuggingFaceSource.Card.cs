using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Settings;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>A repo's model card: README.md at the commit a revision points to.</summary>
public sealed partial class HuggingFaceSource
{
    /// <summary>The card at a revision (the default branch when null); a repo without a README gets a card from its model info and a warning.</summary>
    public async Task<ModelCard> GetCardAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken) =>
        (await ReadCardAsync(modelId, versionId, options, cancellationToken).ConfigureAwait(false)).Card;

    /// <summary>The card, with the model info and the endpoint that its images resolve against.</summary>
    private async Task<(ModelCard Card, RepoInfo Info, HubEndpoint Endpoint)> ReadCardAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken)
    {
        var (info, commit, endpoint) = await ReadRevisionAsync(modelId, versionId, RepoInfo.ExpandKeys, options, cancellationToken).ConfigureAwait(false);
        var readme = await ReadReadmeAsync(info.Id, commit, options, cancellationToken).ConfigureAwait(false);
        return (RepoCards.Map(info, commit, endpoint, readme), info, endpoint);
    }

    /// <summary>README.md at the commit, as text (a small git file: the HTTP layer follows any resolve-cache redirect); null when the repo has none.</summary>
    private async Task<string?> ReadReadmeAsync(string repoId, string commit, HubCallOptions options, CancellationToken cancellationToken)
    {
        var request = _requests.Create(Hub, RepoPaths.Resolve(repoId, commit, RepoCards.Readme), options, repoId);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (ModelHubException exception) when (exception.ErrorId == ErrorIds.HubFileNotFound)
        {
            return null;
        }
    }
}
