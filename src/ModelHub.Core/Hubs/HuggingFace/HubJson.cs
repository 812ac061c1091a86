using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Http;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>Reads the Hub's JSON into records; an answer without what the API documents is an InvalidHubResponse.</summary>
internal static class HubJson
{
    /// <summary>Sends the request and reads its one JSON object.</summary>
    public static async Task<T> GetAsync<T>(HubHttpClient http, HubRequest request, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        using var document = await http.GetJsonAsync(request, cancellationToken).ConfigureAwait(false);
        return Read(request, document.RootElement, read);
    }

    /// <summary>Reads one element; the readers throw <see cref="JsonException"/> for a shape the API does not document.</summary>
    public static T Read<T>(HubRequest request, JsonElement element, Func<JsonElement, T> read)
    {
        try
        {
            return read(element);
        }
        catch (JsonException exception)
        {
            throw HubErrorTranslator.MalformedJson(request, 200, exception);
        }
    }
}
