using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ModelHub.HubEmulator.Cdn;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// HEAD/GET /{repo}/resolve/{revision}/{path} (and /raw/). Git files are answered directly (200, ETag = git blob
/// id, Range honoured: the form before the Hub's resolve-cache redirect, which huggingface_hub and
/// huggingface.js both accept). LFS files get a 302 to a signed URL on the CDN origin with X-Linked-Etag (the
/// SHA-256), X-Linked-Size, X-Xet-Hash and the xet-auth Link; asked with Accept: application/vnd.xet-fileinfo+json,
/// a 200 with those headers and no redirect, as the Hub answers for Xet-backed files.
/// </summary>
internal sealed class ResolveEndpoint
{
    public const string XetFileInfoType = "application/vnd.xet-fileinfo+json";

    private static readonly HashSet<string> Actions = ["resolve", "raw"];

    private readonly RepoAccess _access;
    private readonly EmulatorServices _services;

    public ResolveEndpoint(HfCatalog catalog, EmulatorServices services)
    {
        _access = new RepoAccess(catalog);
        _services = services;
    }

    private string Origin => _services.Origins.HuggingFace.GetLeftPart(UriPartial.Authority);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var caller = EmulatorTokens.Identify(context.Request, OriginName.HuggingFace);
        if (RepoPath.Parse(context, "/", Actions) is not { Action: not null, Rest.Count: >= 2 } path)
        {
            return HubError.NotFound();
        }

        if (caller == Caller.Invalid)
        {
            return HubError.InvalidCredentials();
        }

        var (repo, answer) = _access.Find(context, path, "/", caller);
        if (repo is null)
        {
            return answer!;
        }

        if (RepoAccess.FilesRefused(repo, caller) is { } refused)
        {
            return refused;
        }

        if (repo.Content.Resolve(path.Rest[0]) is not { } commit)
        {
            return HubError.RevisionNotFound(path.Rest[0]);
        }

        var response = context.Response;
        response.Headers["X-Repo-Commit"] = commit.Id;
        if (!commit.Files.TryGetValue(path.RestPath(1), out var file))
        {
            return HubError.EntryNotFound();
        }

        var blob = HfBlob.Of(file, _services.Hashes.Get(file.Spec));
        response.Headers.AcceptRanges = "bytes";
        response.Headers.Vary = "Origin, Accept";
        if (blob.Lfs is not { } lfs)
        {
            return await ServeAsync(context, Encoding.UTF8.GetBytes(file.Spec.Text!), blob.Oid, file, commit.LastCommitOf(file.Path).Date);
        }

        if (path.Action == "raw")
        {
            return await ServeAsync(context, Encoding.UTF8.GetBytes(GitObjects.LfsPointer(lfs.Sha256, blob.Size)), blob.Oid, file, commit.LastCommitOf(file.Path).Date);
        }

        response.Headers["X-Linked-Etag"] = Quoted(lfs.Sha256);
        response.Headers["X-Linked-Size"] = blob.Size.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Xet-Hash"] = lfs.XetHash;
        var xetAuth = $"<{Origin}{ModelApi.Prefix}{repo.Id}/xet-read-token/{commit.Id}>; rel=\"xet-auth\"";
        if (context.Request.Headers.Accept.ToString().Contains(XetFileInfoType, StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.ETag = Quoted(lfs.Sha256);
            response.Headers.Link = $"{xetAuth}, <{Origin}/v1/reconstructions/{lfs.XetHash}>; rel=\"xet-reconstruction-info\"";
            return HubResponses.Json(new System.Text.Json.Nodes.JsonObject { ["hash"] = lfs.XetHash, ["etag"] = lfs.Sha256, ["size"] = blob.Size }, XetFileInfoType);
        }

        response.Headers.Link = xetAuth;
        return HubResponses.Redirect(StatusCodes.Status302Found, _services.Cdn.Signed(file.Spec, file.Name).AbsoluteUri);
    }

    private static string Quoted(string value) => "\"" + value + "\"";

    /// <summary>A git file's bytes (or an LFS pointer), whole or the one range asked for.</summary>
    private static async Task<IResult> ServeAsync(HttpContext context, byte[] bytes, string oid, HfFile file, DateTimeOffset committed)
    {
        var response = context.Response;
        var etag = new EntityTagHeaderValue(Quoted(oid));
        response.Headers.ETag = etag.ToString();
        response.Headers.ContentDisposition = CdnUrls.ContentDisposition(file.Name, inline: true);
        response.ContentType = RepoFileKinds.ContentType(file.Path);
        var range = ByteRange.Select(context.Request, bytes.Length, etag, committed);
        if (range.IsUnsatisfiable)
        {
            response.Headers.ContentRange = $"bytes */{bytes.Length}";
            return Results.StatusCode(StatusCodes.Status416RangeNotSatisfiable);
        }

        if (range.IsPartial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {range.From}-{range.To}/{bytes.Length}";
        }

        response.ContentLength = range.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(bytes.AsMemory((int)range.From, (int)range.Length), context.RequestAborted);
        }

        return Results.Empty;
    }
}
