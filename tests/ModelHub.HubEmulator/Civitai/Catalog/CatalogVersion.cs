using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>A published model version: what lookups, filters and downloads need; its JSON comes from <see cref="Render"/>.</summary>
internal abstract class CatalogVersion
{
    public required int Id { get; init; }

    public required int ModelId { get; init; }

    public required string Name { get; init; }

    public required string BaseModel { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public required IReadOnlyList<CatalogFile> Files { get; init; }

    public required AccessRules Access { get; init; }

    /// <summary>The model, when the catalogue has it (a recorded version may come without its model).</summary>
    public CatalogModel? Model { get; internal set; }

    /// <summary>The file a download without parameters gets.</summary>
    public CatalogFile? PrimaryFile => Files.FirstOrDefault(file => file.Primary) ?? Files.FirstOrDefault();

    /// <summary>The GET /api/v1/model-versions/{id} document.</summary>
    public abstract JsonObject Render(RenderContext context);
}
