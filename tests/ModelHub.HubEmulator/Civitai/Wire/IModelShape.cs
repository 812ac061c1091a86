using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Wire;

/// <summary>One of Civitai's field shapes for models and versions (modern or 2023).</summary>
internal interface IModelShape
{
    /// <summary>A model as /api/v1/models lists it and /api/v1/models/{id} gives it.</summary>
    JsonObject Model(GeneratedModel model, RenderContext context, ListingOptions options);

    /// <summary>A version as /api/v1/model-versions/{id} gives it.</summary>
    JsonObject Version(GeneratedVersion version, RenderContext context);
}

/// <summary>The shape a generated record is served in.</summary>
internal static class ModelShapes
{
    private static readonly IModelShape Modern = new ModernShape();
    private static readonly IModelShape Legacy = new LegacyShape();

    public static IModelShape For(WireEra era) => era == WireEra.Modern ? Modern : Legacy;
}
