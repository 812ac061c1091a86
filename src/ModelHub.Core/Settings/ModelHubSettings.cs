using System;

namespace ModelHub.Settings;

/// <summary>The effective settings at one moment: endpoints, retry behaviour, the state folder and what its settings.json holds.</summary>
public sealed class ModelHubSettings
{
    public ModelHubSettings(HubEndpoint civitai, HubEndpoint huggingFace, RetrySettings retry, string stateFolder, string stateFolderSource, PersistedSettings persisted)
    {
        Persisted = persisted;
        Civitai = civitai;
        HuggingFace = huggingFace;
        Retry = retry;
        StateFolder = stateFolder;
        StateFolderSource = stateFolderSource;
    }

    public HubEndpoint Civitai { get; }

    public HubEndpoint HuggingFace { get; }

    public RetrySettings Retry { get; }

    /// <summary>Where ModelHub keeps its own state (caches, the persisted Civitai token).</summary>
    public string StateFolder { get; }

    public string StateFolderSource { get; }

    /// <summary>What the state folder's settings.json holds.</summary>
    public PersistedSettings Persisted { get; }

    /// <summary>The shared download cache folder (MODELHUB_CACHE), full path; null when none is set.</summary>
    public string? CachePath { get; init; }

    public ContentPolicy ContentPolicy => Persisted.ContentPolicy ?? ContentPolicy.Default;

    /// <summary>The tool installs place files for by default, when settings.json names one.</summary>
    public Tool? Tool => Persisted.Tool;

    /// <summary>The default tool's folder, when settings.json names one.</summary>
    public string? ToolRoot => Persisted.ToolRoot;

    public HubEndpoint Endpoint(Hub hub) => hub switch
    {
        Hub.Civitai => Civitai,
        Hub.HuggingFace => HuggingFace,
        _ => throw new ArgumentOutOfRangeException(nameof(hub), hub, null),
    };
}
