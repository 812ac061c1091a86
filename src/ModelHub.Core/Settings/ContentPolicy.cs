namespace ModelHub.Settings;

/// <summary>Which models searches may show.</summary>
public enum ContentPolicy
{
    /// <summary>NSFW models only with -IncludeNsfw.</summary>
    Default,

    /// <summary>No NSFW models at all (-IncludeNsfw is refused) and no models depicting real people (Civitai poi).</summary>
    Strict,
}
