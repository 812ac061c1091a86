using System;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator;

/// <summary>
/// The documented tokens (README.md). Each hub has a valid token, a valid token without access to
/// restricted models, and an expired one. Tokens come as <c>Authorization: Bearer</c>, or (Civitai) <c>?token=</c>.
/// </summary>
public static class EmulatorTokens
{
    /// <summary>Civitai user "emulator-user": may download login-required models and owns every early-access version.</summary>
    public const string CivitaiValid = "civitai-emulator-valid";

    /// <summary>Civitai user "emulator-visitor": signed in, but owns no early-access version.</summary>
    public const string CivitaiNoAccess = "civitai-emulator-noaccess";

    /// <summary>An expired Civitai key: like the real site, treated as anonymous everywhere except /api/v1/me (401).</summary>
    public const string CivitaiExpired = "civitai-emulator-expired";

    /// <summary>Hugging Face user "emulator-user": approved for every gated repo, member of the private repo's org.</summary>
    public const string HuggingFaceValid = "hf_emulator_valid_token";

    /// <summary>Hugging Face user "emulator-visitor": valid, approved for no gated repo, sees no private repo.</summary>
    public const string HuggingFaceNoAccess = "hf_emulator_noaccess_token";

    /// <summary>An expired Hugging Face token: 401 "Invalid credentials in Authorization header".</summary>
    public const string HuggingFaceExpired = "hf_emulator_expired_token";

    public static Caller Identify(HttpRequest request, OriginName origin)
    {
        var token = Token(request, allowQuery: origin == OriginName.Civitai);
        if (token is null)
        {
            return Caller.Anonymous;
        }

        return (origin, token) switch
        {
            (OriginName.Civitai, CivitaiValid) or (OriginName.HuggingFace, HuggingFaceValid) => Caller.Valid,
            (OriginName.Civitai, CivitaiNoAccess) or (OriginName.HuggingFace, HuggingFaceNoAccess) => Caller.NoAccess,
            _ => Caller.Invalid,
        };
    }

    /// <summary>The token a request carries: the bearer header, else (where allowed) the token query parameter.</summary>
    public static string? Token(HttpRequest request, bool allowQuery)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header.Substring("Bearer ".Length).Trim();
        }

        return allowQuery && request.Query.TryGetValue("token", out var query) && query.Count > 0 ? query[0] : null;
    }
}

/// <summary>Who a request comes from, as the emulator sees it.</summary>
public enum Caller
{
    Anonymous,

    /// <summary>The valid token: full access.</summary>
    Valid,

    /// <summary>A valid token without access to restricted models.</summary>
    NoAccess,

    /// <summary>An expired or unknown token.</summary>
    Invalid,
}
