using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>GET /api/v1/me: the token's user; 401 without a token or with an expired one (the one place an expired key is refused).</summary>
internal static class MeEndpoint
{
    public static Task Get(HttpContext context) => CivitaiSite.Caller(context.Request) switch
    {
        Caller.Valid => CivitaiResponses.Json(context, User(7_700_001, "emulator-user")),
        Caller.NoAccess => CivitaiResponses.Json(context, User(7_700_002, "emulator-visitor")),
        _ => CivitaiResponses.Error(context, StatusCodes.Status401Unauthorized, CivitaiMessages.Unauthorized),
    };

    private static JsonObject User(int id, string username) => new()
    {
        ["id"] = id,
        ["username"] = username,
        ["tier"] = "free",
        ["status"] = "active",
        ["isMember"] = false,
        ["subscriptions"] = new JsonArray(),
    };
}
