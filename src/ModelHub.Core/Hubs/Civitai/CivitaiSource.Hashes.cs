using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;

namespace ModelHub.Hubs.Civitai;

/// <summary>Files identified by their SHA-256: the bulk POST /api/v1/model-versions/by-hash.</summary>
public sealed partial class CivitaiSource
{
    private const string JsonMediaType = "application/json";

    /// <summary>
    /// POST /api/v1/model-versions/by-hash with the hashes (at most 100 a request, so a longer list is sent in parts);
    /// Civitai answers the versions that have a file with one of them, and drops the hashes it does not know.
    /// </summary>
    public async Task<IReadOnlyList<HashMatch>> FindByHashAsync(IReadOnlyList<string> sha256, HubCallOptions options, CancellationToken cancellationToken)
    {
        var matches = new List<HashMatch>();
        for (var start = 0; start < sha256.Count; start += ModelSourceLimits.MaxHashesPerLookup)
        {
            var part = sha256.Skip(start).Take(ModelSourceLimits.MaxHashesPerLookup).Select(hash => hash.ToLowerInvariant()).ToList();
            matches.AddRange(await FindPartAsync(part, options, cancellationToken).ConfigureAwait(false));
        }

        return matches;
    }

    private async Task<IEnumerable<HashMatch>> FindPartAsync(IReadOnlyList<string> hashes, HubCallOptions options, CancellationToken cancellationToken)
    {
        var body = new StringContent(JsonSerializer.Serialize(hashes), Encoding.UTF8, JsonMediaType);
        var request = _requests.Create(Hub.Civitai, "api/v1/model-versions/by-hash", options, target: null, HttpMethod.Post, body);
        using var document = await _http.GetJsonAsync(request, cancellationToken).ConfigureAwait(false);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw CivitaiErrors.Lacks(request, "[]");
        }

        var wanted = new HashSet<string>(hashes, StringComparer.Ordinal);
        var matches = new List<HashMatch>();
        foreach (var answer in document.RootElement.EnumerateArray())
        {
            var modelId = answer.Text("modelId") ?? throw CivitaiErrors.Lacks(request, "modelId");
            var model = answer.Field("model");
            var type = BaseModels.TypeFromCivitai(model?.Text("type"));
            var version = CivitaiVersionMapper.Map(answer, modelId, type, request);
            foreach (var file in version.Files.Where(file => file.Sha256 is { } hash && wanted.Remove(hash)))
            {
                matches.Add(new HashMatch { Sha256 = file.Sha256!, ModelName = model?.Text("name") ?? string.Empty, Type = type, Version = version, File = file });
            }
        }

        return matches;
    }
}
