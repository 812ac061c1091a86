using Microsoft.AspNetCore.Builder;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>The Hugging Face origin: /api/models…, /{repo}/resolve/…, /api/whoami-v2. (Helper C implements this.)</summary>
internal static class HuggingFaceEndpoints
{
    public static void Map(WebApplication app, EmulatorServices services)
    {
    }
}
