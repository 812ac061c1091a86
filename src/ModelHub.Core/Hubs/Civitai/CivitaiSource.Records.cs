using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;

namespace ModelHub.Hubs.Civitai;

/// <summary>A version's record as Civitai sends it: what Civitai Helper keeps as &lt;name&gt;.civitai.info.</summary>
public sealed partial class CivitaiSource
{
    /// <summary>
    /// GET /api/v1/model-versions/{id}, as the text Civitai sent, once checked to be JSON naming the version; a
    /// version of another model is reported as not found under this one.
    /// </summary>
    public async Task<string> GetVersionRecordAsync(string modelId, string versionId, HubCallOptions options, CancellationToken cancellationToken)
    {
        var request = VersionRequest(modelId, versionId, options);
        var record = await _http.GetJsonTextAsync(request, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(record);
        VersionId(document.RootElement, modelId, versionId, request);
        return record;
    }
}
