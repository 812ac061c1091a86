using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>
/// A recorded version. GET /api/v1/model-versions/{id} serves its recorded document; a version recorded only inside
/// a 2023 model listing is served as that listing entry with the model summary the 2023 endpoint added after stats.
/// </summary>
internal sealed class RecordedVersion : CatalogVersion
{
    public required JsonObject Document { get; init; }

    public override JsonObject Render(RenderContext context) => RecordedRewriter.Rewrite(Document, context);
}
