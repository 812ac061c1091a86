using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// GET /api/v1/tags and /api/v1/creators: page paging only, metadata with totals (totalItems, currentPage, pageSize,
/// totalPages, nextPage, prevPage), <c>query</c> matching the name. Their errors come from tRPC: the zod issues themselves.
/// </summary>
internal sealed class DirectoryEndpoint
{
    private const int MaxLimit = 200;
    private const int DefaultLimit = 20;

    private readonly CivitaiSite _site;
    private readonly string _path;
    private readonly Func<CivitaiCatalog, IReadOnlyList<DirectoryItem>> _items;
    private readonly int _minLimit;

    /// <param name="minLimit">0 where <c>limit=0</c> means every item (/creators), else 1.</param>
    private DirectoryEndpoint(CivitaiSite site, string path, Func<CivitaiCatalog, IReadOnlyList<DirectoryItem>> items, int minLimit)
    {
        _site = site;
        _path = path;
        _items = items;
        _minLimit = minLimit;
    }

    public static DirectoryEndpoint Tags(CivitaiSite site) => new(site, "/api/v1/tags", catalog => catalog.Tags, 1);

    public static DirectoryEndpoint Creators(CivitaiSite site) => new(site, "/api/v1/creators", catalog => catalog.Creators, 0);

    public Task List(HttpContext context)
    {
        var query = QueryParameters.From(context.Request);
        var reader = new ParameterReader();
        var limit = reader.Integer(query.First("limit"), "limit", _minLimit, MaxLimit, DefaultLimit);
        var page = reader.Integer(query.First("page"), "page", 1, int.MaxValue, 1);
        if (reader.Issue is { } issue)
        {
            return CivitaiResponses.Json(context, new JsonArray(issue.ToJson()), StatusCodes.Status400BadRequest);
        }

        var text = query.First("query");
        var matching = _items(_site.Catalog).Where(item => string.IsNullOrEmpty(text) || item.Name.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        var pageSize = limit == 0 ? matching.Count : (int)limit;
        var totalPages = pageSize == 0 ? 0 : (matching.Count + pageSize - 1) / pageSize;
        var items = matching.Skip((int)Math.Min((page - 1) * pageSize, int.MaxValue)).Take(pageSize).ToList();

        var render = _site.Render([]);
        var metadata = new JsonObject
        {
            ["totalItems"] = matching.Count,
            ["currentPage"] = page,
            ["pageSize"] = pageSize,
            ["totalPages"] = totalPages,
        };
        if (page < totalPages)
        {
            metadata["nextPage"] = render.CivitaiUrl(_path + "?" + query.With("page", (page + 1).ToString(CultureInfo.InvariantCulture)));
        }

        if (page > 1)
        {
            metadata["prevPage"] = render.CivitaiUrl(_path + "?" + query.With("page", (page - 1).ToString(CultureInfo.InvariantCulture)));
        }

        var body = new JsonObject
        {
            ["items"] = new JsonArray(items.Select(item => (JsonNode?)item.Render(render)).ToArray()),
            ["metadata"] = metadata,
        };
        return CivitaiResponses.Json(context, body);
    }
}
