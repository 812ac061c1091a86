using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Http;
using ModelHub.Hubs.Civitai;
using ModelHub.Tests.Fakes;

namespace ModelHub.Tests.Hubs.Civitai;

/// <summary>A <see cref="CivitaiSource"/> talking to a <see cref="FakeHub"/> at <see cref="HttpHarness.CivitaiOrigin"/>.</summary>
internal sealed class CivitaiHarness : IDisposable
{
    public CivitaiHarness()
    {
        Source = new CivitaiSource(Http.Runtime.Http, new HubRequestFactory(Http.Runtime.Settings, Http.Runtime.Tokens));
    }

    public HttpHarness Http { get; } = new();

    public FakeHub Hub => Http.Hub;

    public CivitaiSource Source { get; }

    /// <summary>The request URIs the hub saw, relative to the origin (path and query, decoded).</summary>
    public IReadOnlyList<string> Requests => Hub.Requests.Select(request => Uri.UnescapeDataString(request.Uri.PathAndQuery)).ToArray();

    public CivitaiHarness Answer(params string[] jsonBodies)
    {
        Hub.Then(jsonBodies.Select(body => (Func<HttpResponseMessage>)(() => FakeHub.Json(HttpStatusCode.OK, body))).ToArray());
        return this;
    }

    public CivitaiHarness AnswerRecorded(string fixture, int status = 200)
    {
        var body = RecordedResponses.Read("civitai/" + fixture);
        Hub.Then(() => FakeHub.Json((HttpStatusCode)status, body));
        return this;
    }

    /// <summary>Answers each listing request with the page its cursor names (no cursor: "first").</summary>
    public CivitaiHarness AnswerPages(IReadOnlyDictionary<string, string> pagesByCursor)
    {
        Hub.Then((request, _) =>
        {
            var cursor = Query(request.RequestUri!, "cursor").SingleOrDefault() ?? "first";
            return Task.FromResult(FakeHub.Json(HttpStatusCode.OK, pagesByCursor[cursor]));
        });
        return this;
    }

    public Task<List<Model>> SearchAsync(ModelQuery query, int? take = null) =>
        Http.RunAsync(async cancellationToken =>
        {
            var models = new List<Model>();
            await foreach (var model in Source.SearchAsync(query, HubCallOptions.Default, cancellationToken))
            {
                models.Add(model);
                if (models.Count == take)
                {
                    break;
                }
            }

            return models;
        });

    public Task<Model> GetModelAsync(string id) => Http.RunAsync(cancellationToken => Source.GetModelAsync(id, HubCallOptions.Default, cancellationToken));

    public Task<List<ModelVersion>> GetVersionsAsync(string modelId, bool all = false) =>
        Http.RunAsync(cancellationToken => ToListAsync(Source.GetVersionsAsync(modelId, all, HubCallOptions.Default, cancellationToken)));

    public Task<List<ModelFile>> GetFilesAsync(string modelId, string? versionId) =>
        Http.RunAsync(cancellationToken => ToListAsync(Source.GetFilesAsync(modelId, versionId, HubCallOptions.Default, cancellationToken)));

    /// <summary>The values of one query parameter of a request, decoded, in order.</summary>
    public static IReadOnlyList<string> Query(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty))
            .ToArray();

    /// <summary>A listing page: the items, and metadata with a next cursor when one is given (a string or a number).</summary>
    public static string Page(IEnumerable<JsonNode> items, JsonNode? nextCursor = null)
    {
        var metadata = new JsonObject();
        if (nextCursor is not null)
        {
            metadata["nextCursor"] = nextCursor;
        }

        return new JsonObject { ["items"] = new JsonArray(items.ToArray()), ["metadata"] = metadata }.ToJsonString();
    }

    public void Dispose() => Http.Dispose();

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
