using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ModelHub.HubEmulator.Civitai.Catalog;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>GET /api/v1/models (filters, sorts, cursor and page paging with the server's limits) and /api/v1/models/{id}.</summary>
internal sealed class ModelsEndpoint
{
    public const string Path = "/api/v1/models";

    /// <summary>Page paging stops here (page × limit); only cursors go further.</summary>
    public const int MaxPagedItems = 1000;

    private readonly CivitaiSite _site;

    public ModelsEndpoint(CivitaiSite site)
    {
        _site = site;
    }

    public Task List(HttpContext context)
    {
        var query = QueryParameters.From(context.Request);
        var caller = CivitaiSite.Caller(context.Request);

        // The server checks that the keys are present, whatever their value.
        var personal = query.Has("favorites") || query.Has("hidden");
        if (personal && caller is not (Caller.Valid or Caller.NoAccess))
        {
            return CivitaiResponses.Error(context, StatusCodes.Status401Unauthorized, CivitaiMessages.Unauthorized);
        }

        if (ModelQuery.Parse(query, out var parsed) is { } issue)
        {
            return CivitaiResponses.ValidationError(context, issue);
        }

        if (parsed.Text is not null && parsed.Page is not null)
        {
            return CivitaiResponses.Error(context, StatusCodes.Status400BadRequest, CivitaiMessages.QueryWithPage);
        }

        if (parsed.Page is { } page && (long)page * parsed.Limit > MaxPagedItems)
        {
            return CivitaiResponses.Error(context, StatusCodes.Status429TooManyRequests, CivitaiMessages.TooManyPages);
        }

        // The emulator's users have no favourite and no hidden models.
        var onlyPersonal = query.First("favorites") == "true" || query.First("hidden") == "true";
        var browsingLevel = parsed.Nsfw ? BrowsingLevel.All : BrowsingLevel.Public;
        var matching = onlyPersonal ? [] : _site.Catalog.Models.Where(model => Matches(model, parsed, browsingLevel)).ToList();
        if (!Page(parsed, matching, out var items, out var nextCursor))
        {
            return CivitaiResponses.ValidationError(context, ZodIssue.InvalidCursor());
        }

        var options = new ListingOptions(browsingLevel, parsed.PrimaryFileOnly);
        var render = _site.Render(items.SelectMany(options.FilesShown), items.SelectMany(model => model.ImagesShown(options)));
        var body = new JsonObject
        {
            ["items"] = new JsonArray(items.Select(model => (JsonNode?)model.Render(render, options)).ToArray()),
            ["metadata"] = ListingMetadata.Build(render, Path, query, nextCursor, parsed.UsingPages ? parsed.Page : null, parsed.Limit),
        };
        return CivitaiResponses.Json(context, body);
    }

    public Task Single(HttpContext context, string id)
    {
        var reader = new ParameterReader();
        var number = reader.Integer(id, "id", long.MinValue, long.MaxValue, 0);
        if (reader.Issue is { } issue)
        {
            return CivitaiResponses.PrettyValidationError(context, issue);
        }

        if (_site.Catalog.Model(number) is not { } model)
        {
            return CivitaiResponses.Error(context, StatusCodes.Status404NotFound, CivitaiMessages.NoModelWithId(number));
        }

        var render = _site.Render(ListingOptions.Single.FilesShown(model), model.ImagesShown(ListingOptions.Single));
        return CivitaiResponses.Json(context, model.Render(render, ListingOptions.Single));
    }

    private bool Matches(CatalogModel model, ModelQuery query, int browsingLevel)
    {
        var since = query.PeriodSpan is { } span ? _site.Services.Time.GetUtcNow() - span : (DateTimeOffset?)null;
        return BrowsingLevel.Shows(browsingLevel, model.NsfwLevel)
            && (query.Types.Count == 0 || query.Types.Contains(model.Type))
            && (query.Tag is null || model.Tags.Contains(query.Tag, StringComparer.OrdinalIgnoreCase))
            && (query.Username is null || string.Equals(model.Username, query.Username, StringComparison.OrdinalIgnoreCase))
            && (query.BaseModels.Count == 0 || model.Versions.Any(version => query.BaseModels.Contains(version.BaseModel, StringComparer.OrdinalIgnoreCase)))
            && (query.Ids is null || query.Text is not null || query.Ids.Contains(model.Id))
            && (since is null || model.PublishedAt >= since)
            && (!query.EarlyAccessOnly || model.HasEarlyAccess)
            && (query.Text is null || TextSearch.Matches(model, query.Text));
    }

    /// <summary>One page: full-text results page by offset cursors; others by sort cursors, or by page number.</summary>
    private static bool Page(ModelQuery query, IReadOnlyList<CatalogModel> matching, out List<CatalogModel> items, out string? nextCursor)
    {
        items = [];
        nextCursor = null;
        List<CatalogModel> sorted;
        int offset;
        ModelSort? sort = null;
        if (query.Text is not null)
        {
            sorted = TextSearch.ByRelevance(matching, query.Text);
            offset = 0;
            if (query.Cursor is not null && !int.TryParse(query.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            {
                return false;
            }
        }
        else
        {
            sort = ModelSort.For(query.Sort);
            sorted = sort.Order.Sort(matching);
            if (query.UsingPages)
            {
                offset = (query.Page!.Value - 1) * query.Limit;
            }
            else if (query.Cursor is null)
            {
                offset = 0;
            }
            else if (sort.Parse(query.Cursor) is { } key)
            {
                offset = sort.Order.Position(sorted, key, inclusive: true);
            }
            else
            {
                return false;
            }
        }

        items = sorted.Skip(offset).Take(query.Limit).ToList();
        var next = offset + query.Limit;
        if (next < sorted.Count)
        {
            nextCursor = sort is null ? next.ToString(CultureInfo.InvariantCulture) : sort.Cursor(sorted[next]);
        }

        return true;
    }
}
