using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>GET /api/v1/model-versions/{id}, GET …/by-hash/{hash} (any hash kind, any case) and the bulk POST …/by-hash.</summary>
internal sealed class ModelVersionsEndpoint
{
    /// <summary>The bulk lookup takes at most this many hashes.</summary>
    public const int MaxBulkHashes = 100;

    private readonly CivitaiSite _site;

    public ModelVersionsEndpoint(CivitaiSite site)
    {
        _site = site;
    }

    public Task ById(HttpContext context, string id)
    {
        var reader = new ParameterReader();
        var number = reader.Integer(id, "id", long.MinValue, long.MaxValue, 0);
        if (reader.Issue is { } issue)
        {
            return CivitaiResponses.PrettyValidationError(context, issue);
        }

        return Answer(context, _site.Catalog.Version(number));
    }

    public Task ByHash(HttpContext context, string hash) => Answer(context, _site.HashIndex.Find(hash));

    public async Task BulkByHash(HttpContext context)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is not JsonArray hashes || hashes.Any(hash => hash?.GetValueKind() != JsonValueKind.String))
        {
            await CivitaiResponses.PrettyValidationError(context, ZodIssue.NotAnArray(string.Empty));
            return;
        }

        if (hashes.Count > MaxBulkHashes)
        {
            await CivitaiResponses.PrettyValidationError(context, ZodIssue.TooManyItems(string.Empty, MaxBulkHashes));
            return;
        }

        // Unmatched hashes are dropped; a version matched twice is listed once.
        var versions = hashes.Select(hash => _site.HashIndex.Find(hash!.GetValue<string>())).OfType<CatalogVersion>().DistinctBy(version => version.Id).ToList();
        var render = _site.Render(versions.SelectMany(version => version.Files));
        await CivitaiResponses.Json(context, new JsonArray(versions.Select(version => (JsonNode?)version.Render(render)).ToArray()));
    }

    private Task Answer(HttpContext context, CatalogVersion? version) =>
        version is null
            ? CivitaiResponses.Error(context, StatusCodes.Status404NotFound, CivitaiMessages.ModelNotFound)
            : CivitaiResponses.Json(context, version.Render(_site.Render(version.Files)));
}
