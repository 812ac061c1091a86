using System;
using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.Cdn;

/// <summary>Answers a GET or HEAD for a stored object as S3 does: 200 or 206 with its headers, or 416; the body streamed in large writes.</summary>
internal static class ObjectResponse
{
    private const int WriteSize = 1 << 20;

    private static readonly DateTimeOffset Epoch = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task WriteAsync(HttpContext context, FileContent content, FileSpec spec, string contentType, string? disposition)
    {
        // ETag and Last-Modified come from what the bytes follow from, never from the bytes (which may be GiBs).
        var identity = XxHash128.Hash(Encoding.UTF8.GetBytes(content.Identity(spec)));
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(identity) + "\"");
        var lastModified = Epoch.AddSeconds(BitConverter.ToUInt32(identity) % (2 * 365 * 24 * 3600));
        var range = ByteRange.Select(context.Request, spec.Size, etag, lastModified);
        var response = context.Response;
        if (range.IsUnsatisfiable)
        {
            response.Headers.ContentRange = $"bytes */{spec.Size}";
            await S3Error.InvalidRange(context.Request.Headers.Range.ToString(), spec.Size).WriteAsync(context);
            return;
        }

        response.StatusCode = range.IsPartial ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK;
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = contentType;
        if (disposition is { Length: > 0 })
        {
            response.Headers.ContentDisposition = disposition;
        }

        if (range.IsPartial)
        {
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {range.From}-{range.To}/{spec.Size}");
        }

        response.ContentLength = range.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await CopyAsync(content, spec, range, response, context.RequestAborted);
    }

    private static async Task CopyAsync(FileContent content, FileSpec spec, ByteRange range, HttpResponse response, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WriteSize);
        try
        {
            await using var bytes = content.Open(spec, range.From);
            for (var remaining = range.Length; remaining > 0;)
            {
                var read = bytes.Read(buffer, 0, (int)Math.Min(WriteSize, remaining));
                await response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
