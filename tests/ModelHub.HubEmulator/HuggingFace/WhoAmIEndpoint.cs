using System;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>GET /api/whoami-v2: the user behind a token, with their organisations.</summary>
internal static class WhoAmIEndpoint
{
    public static IResult Handle(HttpContext context, EmulatorServices services) =>
        EmulatorTokens.Identify(context.Request, OriginName.HuggingFace) switch
        {
            Caller.Valid => HubResponses.Json(User(services, "emulator-user", "Emulator User", [HfRepoIds.PrivateOrganisation])),
            Caller.NoAccess => HubResponses.Json(User(services, "emulator-visitor", "Emulator Visitor", [])),
            Caller.Anonymous => HubError.NotSignedIn(),
            _ => HubError.InvalidCredentials(),
        };

    private static JsonObject User(EmulatorServices services, string name, string fullName, string[] organisations)
    {
        var origin = services.Origins.HuggingFace.GetLeftPart(UriPartial.Authority);
        var orgs = new JsonArray();
        foreach (var organisation in organisations)
        {
            orgs.Add(new JsonObject
            {
                ["type"] = "org",
                ["id"] = GitObjects.CommitId(organisation, "org")[..24],
                ["name"] = organisation,
                ["fullname"] = "ModelHub Emulator Org",
                ["email"] = null,
                ["canPay"] = false,
                ["periodEnd"] = null,
                ["avatarUrl"] = $"{origin}/avatars/{organisation}.svg",
                ["roleInOrg"] = "read",
                ["isEnterprise"] = false,
            });
        }

        return new JsonObject
        {
            ["type"] = "user",
            ["id"] = GitObjects.CommitId(name, "user")[..24],
            ["name"] = name,
            ["fullname"] = fullName,
            ["email"] = name + "@emulator.invalid",
            ["emailVerified"] = true,
            ["canPay"] = false,
            ["periodEnd"] = null,
            ["isPro"] = false,
            ["avatarUrl"] = $"{origin}/avatars/{name}.svg",
            ["orgs"] = orgs,
            ["auth"] = new JsonObject
            {
                ["type"] = "access_token",
                ["accessToken"] = new JsonObject { ["displayName"] = "emulator", ["role"] = "read", ["createdAt"] = "2026-01-01T00:00:00.000Z" },
            },
        };
    }
}
