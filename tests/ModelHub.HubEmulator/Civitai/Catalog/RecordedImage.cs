using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>A recorded /api/v1/images item, served in its recorded shape.</summary>
internal sealed class RecordedImage : CatalogImage
{
    public required JsonObject Document { get; init; }

    public override JsonObject Render(RenderContext context) => RecordedRewriter.Rewrite(Document, context);
}
