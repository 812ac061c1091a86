using System;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>An image of /api/v1/images: what its filters and sorts need; its JSON comes from <see cref="Render"/>.</summary>
internal abstract class CatalogImage
{
    public required long Id { get; init; }

    public int? ModelId { get; init; }

    public int? VersionId { get; init; }

    public required long PostId { get; init; }

    public string? Username { get; init; }

    public required int NsfwLevel { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long Reactions { get; init; }

    public required long Comments { get; init; }

    public required long Collected { get; init; }

    public string? BaseModel { get; init; }

    public string MediaType { get; init; } = "image";

    /// <summary>The item as /api/v1/images gives it.</summary>
    public abstract JsonObject Render(RenderContext context);
}
