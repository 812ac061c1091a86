namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>A generated creator: a username and maybe an avatar (a 96 px image).</summary>
internal sealed record CatalogCreator(string Username, LazyImageFile? Avatar);
