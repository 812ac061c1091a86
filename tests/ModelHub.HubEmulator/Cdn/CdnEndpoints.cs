using Microsoft.AspNetCore.Builder;

namespace ModelHub.HubEmulator.Cdn;

/// <summary>The CDN origin: signed downloads with Range, public images. (Helper A implements this.)</summary>
internal static class CdnEndpoints
{
    public static void Map(WebApplication app, EmulatorServices services)
    {
    }
}
