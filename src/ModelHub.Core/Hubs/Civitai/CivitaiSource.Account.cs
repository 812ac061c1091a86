using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Http;

namespace ModelHub.Hubs.Civitai;

public sealed partial class CivitaiSource
{
    public async Task<string> WhoAmIAsync(string token, HubCallOptions options, CancellationToken cancellationToken)
    {
        var request = _requests.Create(Hub.Civitai, "api/v1/me", options with { Token = token }, target: "api/v1/me");
        try
        {
            using var document = await _http.GetJsonAsync(request, cancellationToken).ConfigureAwait(false);
            return document.RootElement.TryGetProperty("username", out var name) && name.GetString() is { Length: > 0 } username
                ? username
                : throw CivitaiErrors.Lacks(request, "username");
        }
        catch (HubAuthenticationException exception)
        {
            // Civitai treats a bad key as anonymous everywhere but here: a 401 from /me means the key is no good.
            throw HubErrorTranslator.TokenRefused(request, exception);
        }
    }
}
