using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>A version's record as the Hub sends it: the model info at that commit.</summary>
public sealed partial class HuggingFaceSource
{
    /// <summary>
    /// GET /api/models/{id}/revision/{revision}, whole (no expand), as the text the Hub sent, once checked to be a model
    /// object; a renamed repo's redirect is followed.
    /// </summary>
    public async Task<string> GetVersionRecordAsync(string modelId, string versionId, HubCallOptions options, CancellationToken cancellationToken)
    {
        var request = _requests.Create(Hub, RepoPaths.Revision(modelId, versionId), options, modelId);
        var record = await _http.GetJsonTextAsync(request, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(record);
        HubJson.Read(request, document.RootElement, RepoInfo.Read);
        return record;
    }
}
