using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelHub.HubEmulator.Cdn;
using ModelHub.HubEmulator.Civitai;
using ModelHub.HubEmulator.Control;
using ModelHub.HubEmulator.HuggingFace;

namespace ModelHub.HubEmulator;

/// <summary>The three origins, each its own Kestrel listener, sharing one <see cref="EmulatorServices"/>. Tests host it in-process.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly IReadOnlyList<WebApplication> _apps;

    private EmulatorHost(EmulatorServices services, IReadOnlyList<WebApplication> apps)
    {
        Services = services;
        _apps = apps;
    }

    public EmulatorServices Services { get; }

    public Origins Origins => Services.Origins;

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var services = new EmulatorServices(options, time ?? TimeProvider.System);
        var civitai = Build(options.CivitaiUrl, services, services.Civitai, CivitaiEndpoints.Map);
        var huggingFace = Build(options.HuggingFaceUrl, services, services.HuggingFace, HuggingFaceEndpoints.Map);
        var cdn = Build(options.CdnUrl, services, services.CdnOrigin, CdnEndpoints.Map);
        var apps = new[] { civitai, huggingFace, cdn };
        foreach (var app in apps)
        {
            await app.StartAsync(cancellationToken);
        }

        services.Origins.Civitai = BoundAddress(civitai);
        services.Origins.HuggingFace = BoundAddress(huggingFace);
        services.Origins.Cdn = BoundAddress(cdn);
        return new EmulatorHost(services, apps);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static WebApplication Build(string url, EmulatorServices services, OriginState origin, Action<WebApplication, EmulatorServices> mapHub)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddSingleton(services);
        var app = builder.Build();
        app.UseWhen(context => !ControlEndpoints.IsControl(context.Request), hub => hub.UseMiddleware<TrafficMiddleware>(origin, services.Options));
        ControlEndpoints.Map(app, origin);
        mapHub(app, services);
        return app;
    }

    private static Uri BoundAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }
}
