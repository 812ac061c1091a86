using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// /api/models and /api/models/{repo}[/revision|tree|refs|commits|paths-info|xet-read-token/…]. Metadata is open
/// on gated repos (only their files are refused); private repos are RepoNotFound to all but the valid token.
/// </summary>
internal sealed class ModelApi
{
    public const string Prefix = "/api/models/";

    /// <summary>The page size of /api/models: larger limits are cut to it, so clients must follow Link.</summary>
    public const int ListPageSize = 100;

    private const int CommitsPageSize = 50;

    private const int TreePageSize = 1000;

    /// <summary>Tree pages with expand=true are smaller on the Hub (lastCommit is costly).</summary>
    private const int ExpandedTreePageSize = 50;

    private static readonly HashSet<string> Actions = ["revision", "tree", "refs", "commits", "paths-info", "xet-read-token"];

    private readonly HfCatalog _catalog;
    private readonly RepoAccess _access;
    private readonly ModelInfoJson _models;
    private readonly TreeJson _trees;
    private readonly EmulatorServices _services;

    public ModelApi(HfCatalog catalog, EmulatorServices services)
    {
        _catalog = catalog;
        _services = services;
        _access = new RepoAccess(catalog);
        _models = new ModelInfoJson(services.Hashes, () => services.Origins.HuggingFace);
        _trees = new TreeJson(services.Hashes);
    }

    private Uri Origin => _services.Origins.HuggingFace;

    public IResult List(HttpContext context)
    {
        var caller = EmulatorTokens.Identify(context.Request, OriginName.HuggingFace);
        if (caller == Caller.Invalid)
        {
            return HubError.InvalidCredentials();
        }

        var query = ModelListQuery.Parse(context.Request.Query);
        if (!query.HasKnownSort)
        {
            return HubError.BadRequest($"Invalid sort: {query.Sort}");
        }

        var page = Paging.Page(context, Origin, query.Apply(_catalog.Repos, caller).ToList(), ListPageSize, ListPageSize);
        if (page is null)
        {
            return HubError.BadRequest("Invalid cursor");
        }

        var needsContent = query.Expand is { } keys ? ModelInfoJson.NeedsContent(keys) : query.Full || query.CardData || query.Config;
        return HubResponses.Json(new JsonArray(page.Select(repo =>
        {
            var properties = _models.Properties(repo, needsContent ? repo.Content.Head : null, false);
            return (JsonNode)(query.Expand is { } expand ? ModelInfoJson.Expanded(properties, expand)
                : query.Full ? ModelInfoJson.Info(properties)
                : ModelInfoJson.ListItem(properties, query.CardData, query.Config));
        }).ToArray()));
    }

    public async Task<IResult> RepoAsync(HttpContext context)
    {
        var caller = EmulatorTokens.Identify(context.Request, OriginName.HuggingFace);
        if (caller == Caller.Invalid)
        {
            return HubError.InvalidCredentials();
        }

        if (RepoPath.Parse(context, Prefix, Actions) is not { } path || (HttpMethods.IsPost(context.Request.Method) != (path.Action == "paths-info")))
        {
            return HubError.NotFound();
        }

        var (repo, answer) = _access.Find(context, path, Prefix, caller);
        if (repo is null)
        {
            return answer!;
        }

        if (path.Action == "refs")
        {
            return Refs(repo, context.Request.Query["include_prs"] == "1");
        }

        // Model info without a revision is HEAD's; commits and trees without one are main's.
        var revision = path.Rest.Count > 0 ? path.Rest[0] : path.Action is null ? "HEAD" : HfRepoContent.DefaultBranch;

        if (repo.Content.Resolve(revision) is not { } commit)
        {
            return HubError.RevisionNotFound(revision);
        }

        return path.Action switch
        {
            null or "revision" => Info(context, repo, commit),
            "tree" => Tree(context, commit, path.RestPath(1)),
            "commits" => Commits(context, commit),
            "paths-info" => await PathsInfoAsync(context, commit),
            _ => XetReadToken(repo, commit, caller),
        };
    }

    private IResult Info(HttpContext context, HfRepo repo, HfCommit commit)
    {
        var properties = _models.Properties(repo, commit, context.Request.Query["blobs"] is { Count: > 0 } blobs && blobs[0] is "1" or "true");
        return HubResponses.Json(ModelListQuery.ExpandKeys(context.Request.Query) is { } expand
            ? ModelInfoJson.Expanded(properties, expand)
            : ModelInfoJson.Info(properties));
    }

    private IResult Tree(HttpContext context, HfCommit commit, string folder)
    {
        var expand = context.Request.Query["expand"] == "true" || context.Request.Query["expand"] == "1";
        var recursive = context.Request.Query["recursive"] == "true" || context.Request.Query["recursive"] == "1";
        if (TreeJson.List(commit, folder, recursive) is not { } items)
        {
            return HubError.EntryNotFound();
        }

        var size = expand ? ExpandedTreePageSize : TreePageSize;
        var page = Paging.Page(context, Origin, items, size, size);
        return page is null ? HubError.BadRequest("Invalid cursor") : HubResponses.Json(_trees.Write(commit, page, expand));
    }

    private async Task<IResult> PathsInfoAsync(HttpContext context, HfCommit commit)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var expand = form["expand"] is { Count: > 0 } value && value[0] is "1" or "true" or "True";
        var items = TreeJson.Find(commit, form["paths"].OfType<string>());
        return HubResponses.Json(_trees.Write(commit, items, expand));
    }

    private static IResult Refs(HfRepo repo, bool includePullRequests)
    {
        static JsonArray Write(IEnumerable<HfRef> refs) => new(refs.Select(reference => (JsonNode)new JsonObject
        {
            ["name"] = reference.Name,
            ["ref"] = reference.Ref,
            ["targetCommit"] = reference.Target.Id,
        }).ToArray());

        var content = repo.Content;
        var body = new JsonObject { ["branches"] = Write(content.Branches), ["converts"] = new JsonArray(), ["tags"] = Write(content.Tags) };
        if (includePullRequests)
        {
            body["pullRequests"] = Write(content.PullRequests);
        }

        return HubResponses.Json(body);
    }

    private IResult Commits(HttpContext context, HfCommit commit)
    {
        var formatted = ModelListQuery.ExpandKeys(context.Request.Query)?.Contains("formatted") == true;
        var page = Paging.Page(context, Origin, commit.History().ToList(), CommitsPageSize, CommitsPageSize);
        if (page is null)
        {
            return HubError.BadRequest("Invalid cursor");
        }

        return HubResponses.Json(new JsonArray(page.Select(item =>
        {
            var entry = new JsonObject
            {
                ["id"] = item.Id,
                ["title"] = item.Title,
                ["message"] = item.Message,
                ["authors"] = new JsonArray(new JsonObject { ["user"] = item.Author, ["avatar"] = $"{Origin.GetLeftPart(UriPartial.Authority)}/avatars/{item.Author}.svg" }),
                ["date"] = WireJson.Date(item.Date),
            };
            if (formatted)
            {
                entry["formatted"] = new JsonObject { ["title"] = System.Net.WebUtility.HtmlEncode(item.Title), ["message"] = System.Net.WebUtility.HtmlEncode(item.Message) };
            }

            return (JsonNode)entry;
        }).ToArray()));
    }

    /// <summary>
    /// The Xet read token: the documented example's shape, with the CAS URL on the emulator's origin. The emulator
    /// does not implement the Xet CAS protocol; clients download through the resolve redirect instead.
    /// </summary>
    private IResult XetReadToken(HfRepo repo, HfCommit commit, Caller caller)
    {
        if (RepoAccess.FilesRefused(repo, caller) is { } refused)
        {
            return refused;
        }

        var token = _catalog.XetReadTokenExample?.DeepClone().AsObject() ?? new JsonObject
        {
            ["accessToken"] = "xet_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repo.Id + "@" + commit.Id)))[..32],
            ["exp"] = _services.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds(),
            ["casUrl"] = "https://cas-server.xethub.hf.co",
        };
        RecordedUrls.Rewrite(token, Origin);
        return HubResponses.Json(token);
    }
}
