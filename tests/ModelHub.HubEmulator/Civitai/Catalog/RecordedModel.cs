using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>A recorded model, served in its recorded shape (through <see cref="RecordedRewriter"/>).</summary>
internal sealed class RecordedModel : CatalogModel
{
    private readonly JsonObject _recorded;

    public RecordedModel(JsonObject recorded, IReadOnlyList<RecordedVersion> versions)
        : base(versions)
    {
        _recorded = recorded;
    }

    public override JsonObject Render(RenderContext context, ListingOptions options)
    {
        var json = RecordedRewriter.Rewrite(_recorded, context);
        if (options.PrimaryFileOnly && json["modelVersions"] is JsonArray versions)
        {
            foreach (var files in versions.OfType<JsonObject>().Select(version => version["files"]).OfType<JsonArray>())
            {
                foreach (var secondary in files.Where(file => file?["primary"]?.GetValue<bool>() != true).ToList())
                {
                    files.Remove(secondary);
                }
            }
        }

        return json;
    }
}
