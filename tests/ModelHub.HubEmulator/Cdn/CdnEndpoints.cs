using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.Cdn;

/// <summary>
/// The CDN origin, like S3-compatible storage: /files/{key}/{name} needs a valid pre-signed URL and serves
/// the file with Range support and the signed Content-Disposition; /images/{key}/{name} is public.
/// </summary>
internal static class CdnEndpoints
{
    private const string BinaryType = "application/octet-stream";
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static void Map(WebApplication app, EmulatorServices services)
    {
        var check = new SignedUrlCheck(services.Cdn.Signer, services.Time);
        app.MapMethods(CdnUrls.FilesPrefix + "{**path}", Methods, context => ServeFileAsync(context, services, check));
        app.MapMethods(CdnUrls.ImagesPrefix + "{**path}", Methods, context => ServeImageAsync(context, services));
    }

    private static Task ServeFileAsync(HttpContext context, EmulatorServices services, SignedUrlCheck check)
    {
        if (check.Check(context.Request) is { } error)
        {
            return error.WriteAsync(context);
        }

        return TryFind(context, services, CdnUrls.FilesPrefix, out var spec, out var objectKey)
            ? ObjectResponse.WriteAsync(context, services.Content, spec, BinaryType, context.Request.Query["response-content-disposition"].ToString())
            : S3Error.NoSuchKey(objectKey).WriteAsync(context);
    }

    private static Task ServeImageAsync(HttpContext context, EmulatorServices services)
    {
        if (!TryFind(context, services, CdnUrls.ImagesPrefix, out var spec, out var objectKey))
        {
            return S3Error.NoSuchKey(objectKey).WriteAsync(context);
        }

        var type = spec.Layout is FileLayout.Png or FileLayout.Jpeg ? ImageFiles.ContentType(spec.Layout) : BinaryType;
        return ObjectResponse.WriteAsync(context, services.Content, spec, type, disposition: null);
    }

    /// <summary>The file a path {prefix}{file key}/{name} names. The object key, as storage would call it, is the whole {file key}/{name}.</summary>
    private static bool TryFind(HttpContext context, EmulatorServices services, string prefix, out FileSpec spec, out string objectKey)
    {
        objectKey = (context.Request.Path.Value ?? string.Empty)[prefix.Length..];
        return services.Files.TryGet(objectKey[..Math.Max(0, objectKey.LastIndexOf('/'))], out spec);
    }
}
