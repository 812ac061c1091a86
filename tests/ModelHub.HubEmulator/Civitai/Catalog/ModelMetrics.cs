namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>The counts /api/v1/models sorts by.</summary>
internal sealed record ModelMetrics(long Downloads, long ThumbsUp, long Comments, long Collected, long Images);
