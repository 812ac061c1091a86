using System.Linq;
using System.Text.Json;
using ModelHub.Http;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// A model version as a <see cref="ModelVersion"/>: an entry of a model's modelVersions[] or a
/// /model-versions/{id} answer, in either schema.
/// </summary>
internal static class CivitaiVersionMapper
{
    public static ModelVersion Map(JsonElement version, string modelId, ModelType type, HubRequest request)
    {
        var versionId = version.Text("id") ?? throw CivitaiErrors.Lacks(request, "modelVersions[].id");
        var baseModelRaw = version.Text("baseModel");
        var family = BaseModels.FromCivitai(baseModelRaw);
        return new ModelVersion
        {
            Hub = Hub.Civitai,
            ModelId = modelId,
            VersionId = versionId,
            Name = version.Text("name") ?? string.Empty,
            BaseModel = family,
            BaseModelRaw = baseModelRaw,
            TrainedWords = version.Names("trainedWords"),
            PublishedAt = version.Date("publishedAt"),

            // The version endpoint says earlyAccessEndsAt; listings say earlyAccessDeadline, and only while it runs.
            EarlyAccessEndsAt = version.Date("earlyAccessEndsAt") ?? version.Date("earlyAccessDeadline"),
            Files = version.Elements("files").Select(file => CivitaiFileMapper.Map(file, modelId, versionId, request.Endpoint)).ToArray(),
            Url = CivitaiUrls.VersionPage(request.Endpoint, modelId, versionId),
            Air = version.Text("air") ?? BaseModels.Air(family, type, Hub.Civitai, modelId, versionId),
        };
    }
}
