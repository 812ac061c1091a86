using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Http;

namespace ModelHub.Hubs.HuggingFace;

public sealed partial class HuggingFaceSource
{
    public async Task<string> WhoAmIAsync(string token, HubCallOptions options, CancellationToken cancellationToken)
    {
        var request = _requests.Create(Hub.HuggingFace, "api/whoami-v2", options with { Token = token }, target: "api/whoami-v2");
        try
        {
            return await HubJson.GetAsync(_http, request, user => user.GetProperty("name").GetString() ?? throw new JsonException("name is null"), cancellationToken).ConfigureAwait(false);
        }
        catch (HubAuthenticationException exception)
        {
            throw HubErrorTranslator.TokenRefused(request, exception);
        }
    }
}
