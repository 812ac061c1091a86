using System.Collections.Generic;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>Versions that generation metadata (civitaiResources) may point at: the catalogue's own checkpoints and LoRAs.</summary>
internal sealed record CatalogReferences(IReadOnlyList<int> CheckpointVersionIds, IReadOnlyList<int> LoraVersionIds);
