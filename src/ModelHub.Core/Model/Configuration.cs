using System;
using ModelHub.Settings;

namespace ModelHub;

/// <summary>
/// The effective configuration, as Get-HubConfiguration shows it: each hub's endpoint and token
/// source (never the token), the retry settings, the state folder, the content policy and the default tool.
/// </summary>
public sealed class Configuration
{
    internal Configuration(ModelHubSettings settings, HubToken civitaiToken, HubToken huggingFaceToken)
    {
        CivitaiEndpoint = settings.Civitai.Uri;
        CivitaiEndpointSource = settings.Civitai.Source;
        CivitaiTokenSet = civitaiToken.IsSet;
        CivitaiTokenSource = civitaiToken.Source;
        HuggingFaceEndpoint = settings.HuggingFace.Uri;
        HuggingFaceEndpointSource = settings.HuggingFace.Source;
        HuggingFaceTokenSet = huggingFaceToken.IsSet;
        HuggingFaceTokenSource = huggingFaceToken.Source;
        MaxRetries = settings.Retry.MaxRetries;
        RetryBaseDelay = settings.Retry.BaseDelay;
        RetryMaxDelay = settings.Retry.MaxDelay;
        AttemptTimeout = settings.Retry.AttemptTimeout;
        Timeout = settings.Retry.Timeout;
        ReadIdleTimeout = settings.Retry.ReadIdleTimeout;
        StateFolder = settings.StateFolder;
        StateFolderSource = settings.StateFolderSource;
        ContentPolicy = settings.ContentPolicy;
        Tool = settings.Tool;
        ToolRoot = settings.ToolRoot;
        CachePath = settings.CachePath;
    }

    public Uri CivitaiEndpoint { get; }

    public string CivitaiEndpointSource { get; }

    public bool CivitaiTokenSet { get; }

    public string CivitaiTokenSource { get; }

    public Uri HuggingFaceEndpoint { get; }

    public string HuggingFaceEndpointSource { get; }

    public bool HuggingFaceTokenSet { get; }

    public string HuggingFaceTokenSource { get; }

    public int MaxRetries { get; }

    public TimeSpan RetryBaseDelay { get; }

    public TimeSpan RetryMaxDelay { get; }

    public TimeSpan AttemptTimeout { get; }

    public TimeSpan Timeout { get; }

    public TimeSpan ReadIdleTimeout { get; }

    public string StateFolder { get; }

    public string StateFolderSource { get; }

    /// <summary>Default, or Strict (no NSFW, no real people), from the state folder's settings.json.</summary>
    public ContentPolicy ContentPolicy { get; }

    /// <summary>The tool installs place files for by default (Set-HubConfiguration -Tool), or null.</summary>
    public Tool? Tool { get; }

    /// <summary>That tool's folder (Set-HubConfiguration -ToolRoot), or null.</summary>
    public string? ToolRoot { get; }

    /// <summary>The shared download cache installs and syncs use (MODELHUB_CACHE), or null.</summary>
    public string? CachePath { get; }
}
