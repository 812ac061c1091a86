using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>A model: what /api/v1/models filters and sorts by; its JSON comes from <see cref="Render"/>.</summary>
internal abstract class CatalogModel
{
    protected CatalogModel(IReadOnlyList<CatalogVersion> versions)
    {
        Versions = versions;
        foreach (var version in versions)
        {
            version.Model = this;
        }
    }

    public required int Id { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    /// <summary>The creator's username; null for the system user, whom the API does not name.</summary>
    public string? Username { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>The NSFW bit flags the browsing level is matched against.</summary>
    public required int NsfwLevel { get; init; }

    public required ModelMetrics Metrics { get; init; }

    /// <summary>When the newest version was published (Newest/Oldest and <c>period</c>).</summary>
    public DateTimeOffset PublishedAt => Versions.Max(version => version.PublishedAt);

    /// <summary>Published versions, newest first.</summary>
    public IReadOnlyList<CatalogVersion> Versions { get; }

    public bool HasEarlyAccess => Versions.Any(version => version.Access.EarlyAccessDeadline is not null);

    /// <summary>The generated images the model's JSON shows under these options (to prepare them together).</summary>
    public virtual IEnumerable<LazyImageFile> ImagesShown(ListingOptions options) => [];

    /// <summary>The model as /api/v1/models and /api/v1/models/{id} give it.</summary>
    public abstract JsonObject Render(RenderContext context, ListingOptions options);
}
