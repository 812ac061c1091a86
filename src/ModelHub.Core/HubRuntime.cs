using System;
using Microsoft.Extensions.DependencyInjection;
using ModelHub.Connections;
using ModelHub.Discovery;
using ModelHub.Downloads;
using ModelHub.Http;
using ModelHub.Installs;
using ModelHub.Library;
using ModelHub.Library.Updates;
using ModelHub.Manifests;
using ModelHub.Hubs.Civitai;
using ModelHub.Hubs.HuggingFace;
using ModelHub.Settings;

namespace ModelHub;

/// <summary>
/// The composition root: one per process in the module (the PowerShell layer holds it), one per test
/// in xunit. It owns the HTTP clients, the session's tokens and the settings reader.
/// </summary>
public sealed class HubRuntime : IDisposable
{
    private readonly ServiceProvider _services;

    /// <summary>The runtime of this process: its environment, the real network and the system clock.</summary>
    /// <remarks>
    /// The PowerShell layer calls this, not the constructor: its signature names no dependency type
    /// (TimeProvider comes from a package), which the cmdlet assembly could not resolve outside the module's load context.
    /// </remarks>
    public static HubRuntime ForProcess() => new(ProcessEnvironment.Instance, primaryHandler: null, time: null);

    /// <param name="environment">Where settings come from.</param>
    /// <param name="primaryHandler">The innermost HTTP handler; null for the real network.</param>
    /// <param name="time">The clock for retries and timeouts; null for the system clock.</param>
    internal HubRuntime(IEnvironment environment, Func<System.Net.Http.HttpMessageHandler>? primaryHandler, TimeProvider? time)
    {
        _services = new ServiceCollection()
            .AddSingleton(environment)
            .AddSingleton(time ?? TimeProvider.System)
            .AddSingleton<SettingsReader>()
            .AddSingleton<SessionTokens>()
            .AddSingleton<TokenResolver>()
            .AddSingleton<HubRequestFactory>()
            .AddSingleton<IModelSource, CivitaiSource>()
            .AddSingleton<IModelSource, HuggingFaceSource>()
            .AddSingleton<ModelDiscovery>()
            .AddSingleton<ImageSaver>()
            .AddSingleton<FileDownloader>()
            .AddSingleton<SidecarWriter>()
            .AddSingleton<ModelInstaller>()
            .AddSingleton<UpdateChecker>()
            .AddSingleton<UpdateInstaller>()
            .AddSingleton<ManifestSync>()
            .AddSingleton<LibraryScanner>()
            .AddSingleton<TokenFiles>()
            .AddSingleton<HubConnector>()
            .AddHubHttp(primaryHandler)
            .BuildServiceProvider();
    }

    public SettingsReader Settings => _services.GetRequiredService<SettingsReader>();

    public SessionTokens SessionTokens => _services.GetRequiredService<SessionTokens>();

    public TokenResolver Tokens => _services.GetRequiredService<TokenResolver>();

    public HubHttpClient Http => _services.GetRequiredService<HubHttpClient>();

    /// <summary>Connect-Hub and Disconnect-Hub.</summary>
    public HubConnector Connections => _services.GetRequiredService<HubConnector>();

    /// <summary>Saves sample images to folders.</summary>
    public ImageSaver Images => _services.GetRequiredService<ImageSaver>();

    /// <summary>Install-HubModel and Save-HubModel.</summary>
    public ModelInstaller Installs => _services.GetRequiredService<ModelInstaller>();

    /// <summary>Get-HubModelUpdate: newer versions of installed models.</summary>
    public UpdateChecker Updates => _services.GetRequiredService<UpdateChecker>();

    /// <summary>Update-HubModel: installs updates in place of the installed copies.</summary>
    public UpdateInstaller Updater => _services.GetRequiredService<UpdateInstaller>();

    /// <summary>Sync-HubModel: makes a tool root match a manifest.</summary>
    public ManifestSync Manifests => _services.GetRequiredService<ManifestSync>();

    /// <summary>Get-InstalledHubModel: the models on this machine, identified.</summary>
    public LibraryScanner Library => _services.GetRequiredService<LibraryScanner>();

    /// <summary>Search, models, versions and files across both hubs.</summary>
    public ModelDiscovery Discovery => _services.GetRequiredService<ModelDiscovery>();

    /// <summary>What Get-HubConfiguration shows for these settings: endpoints, token sources (never tokens), retries, state folder.</summary>
    public Configuration Describe(ModelHubSettings settings) =>
        new(settings, Tokens.Resolve(Hub.Civitai, settings.StateFolder), Tokens.Resolve(Hub.HuggingFace, settings.StateFolder));

    public void Dispose() => _services.Dispose();
}
