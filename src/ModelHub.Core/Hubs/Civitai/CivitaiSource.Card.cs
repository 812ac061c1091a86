using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;

namespace ModelHub.Hubs.Civitai;

/// <summary>A Civitai model's card: its description and a version's, from the model answer (and the version's when needed).</summary>
public sealed partial class CivitaiSource
{
    /// <summary>
    /// The card of a version (the latest when <paramref name="versionId"/> is null). The 2023 model answer lists each
    /// version's description; the modern one does not, so then the version itself is read from /model-versions/{id},
    /// as is a version the model does not list.
    /// </summary>
    public async Task<ModelCard> GetCardAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken)
    {
        if (versionId is not null)
        {
            CivitaiIds.Require(versionId, CivitaiIds.VersionTarget(modelId, versionId));
        }

        var (model, modelJson) = await ReadModelAsync(modelId, options, (json, request) => (CivitaiModelMapper.Map(json, request), json.Clone()), cancellationToken).ConfigureAwait(false);
        var summary = modelJson.Elements("modelVersions").FirstOrDefault(version => versionId is null || (version.Text("id") is { } id && CivitaiIds.Same(id, versionId)));
        if (summary.ValueKind == JsonValueKind.Object && summary.TryGetProperty("description", out _))
        {
            var listed = model.Versions.First(version => CivitaiIds.Same(version.VersionId, summary.Text("id")!));
            return CivitaiCardMapper.Map(model, modelJson, listed, summary);
        }

        if ((versionId ?? summary.Text("id")) is not { } wanted)
        {
            return CivitaiCardMapper.Map(model, modelJson, version: null, versionJson: default);
        }

        var (version, versionJson) = await ReadVersionAsync(
            model.Id,
            wanted,
            options,
            (json, _, request) => (CivitaiVersionMapper.Map(json, model.Id, model.Type, request), json.Clone()),
            cancellationToken).ConfigureAwait(false);
        return CivitaiCardMapper.Map(model, modelJson, version, versionJson);
    }
}
