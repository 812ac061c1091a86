namespace ModelHub.Settings;

/// <summary>Every environment variable ModelHub reads. README.md documents them.</summary>
public static class EnvironmentVariables
{
    public const string CivitaiEndpoint = "MODELHUB_CIVITAI_ENDPOINT";
    public const string HuggingFaceEndpoint = "MODELHUB_HF_ENDPOINT";

    /// <summary>huggingface_hub's own variable, honoured when <see cref="HuggingFaceEndpoint"/> is unset.</summary>
    public const string HfEndpoint = "HF_ENDPOINT";

    public const string CivitaiToken = "CIVITAI_API_TOKEN";
    public const string HfToken = "HF_TOKEN";
    public const string HfTokenLegacy = "HUGGING_FACE_HUB_TOKEN";
    public const string HfTokenPath = "HF_TOKEN_PATH";
    public const string HfHome = "HF_HOME";
    public const string XdgCacheHome = "XDG_CACHE_HOME";

    /// <summary>huggingface_hub's cache folder (default $HF_HOME/hub), read by the local library.</summary>
    public const string HfHubCache = "HF_HUB_CACHE";

    public const string Home = "MODELHUB_HOME";

    public const string MaxRetries = "MODELHUB_MAX_RETRIES";
    public const string RetryBaseDelay = "MODELHUB_RETRY_BASE_DELAY";
    public const string RetryMaxDelay = "MODELHUB_RETRY_MAX_DELAY";
    public const string AttemptTimeout = "MODELHUB_ATTEMPT_TIMEOUT";
    public const string Timeout = "MODELHUB_TIMEOUT";
    public const string ReadIdleTimeout = "MODELHUB_READ_IDLE_TIMEOUT";

    /// <summary>The shared download cache (a folder, often a network share): verified files kept by SHA-256.</summary>
    public const string Cache = "MODELHUB_CACHE";
}
