using Microsoft.AspNetCore.Builder;

namespace ModelHub.HubEmulator.Civitai;

/// <summary>The Civitai origin: /api/v1/… and /api/download/models/…. (Helper B implements this.)</summary>
internal static class CivitaiEndpoints
{
    public static void Map(WebApplication app, EmulatorServices services)
    {
    }
}
