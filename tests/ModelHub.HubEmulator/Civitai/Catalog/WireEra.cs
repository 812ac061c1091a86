namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>
/// Which of Civitai's field shapes a generated model is served in. Most are modern (2024+); a minority keep the 2023
/// shape (allowCommercialUse a string, rating stats, no nsfwLevel, image nsfw as bool or text), as the recorded wiki
/// samples are, so clients must read both.
/// </summary>
internal enum WireEra
{
    Modern,
    Legacy2023,
}
