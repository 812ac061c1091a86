using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ModelHub.Tests.Downloads;

/// <summary>
/// A hub download address and the CDN it redirects to, as the innermost HTTP handler: the hub answers 307 to a
/// signed CDN address; the CDN serves <see cref="Content"/> like S3 (Range → 206 with Content-Range, If-Range on
/// the ETag, 416 past the end). Faults are queued per CDN request. Every request is recorded as the network saw it.
/// </summary>
internal sealed class FakeFileServer : HttpMessageHandler
{
    public const string CdnOrigin = "https://cdn.example";

    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly List<FileRequest> _requests = new();

    public FakeFileServer(byte[] content)
    {
        Content = content;
    }

    public byte[] Content { get; set; }

    public string ETag { get; set; } = "\"v1\"";

    /// <summary>Whether the CDN honours Range (S3 does); false answers 200 with the whole file.</summary>
    public bool ServesRanges { get; set; } = true;

    public IReadOnlyList<FileRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public IEnumerable<FileRequest> CdnRequests => Requests.Where(r => r.Uri.GetLeftPart(UriPartial.Authority) == CdnOrigin);

    /// <summary>Body bytes the CDN actually sent, over all requests.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    private long _bytesSent;

    /// <summary>Queues what the next CDN requests do, one fault each.</summary>
    public FakeFileServer Then(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (_requests)
        {
            _requests.Add(new FileRequest(request.RequestUri!, request.Headers.Authorization?.ToString(), request.Headers.Range?.ToString(), request.Headers.IfRange?.ToString()));
        }

        var response = request.RequestUri!.GetLeftPart(UriPartial.Authority) == CdnOrigin ? Serve(request) : Redirect();
        response.RequestMessage = request;
        return response;
    }

    private static HttpResponseMessage Redirect()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location = new Uri(CdnOrigin + "/files/k/model.safetensors?X-Amz-Expires=3600&X-Amz-Signature=" + Guid.NewGuid().ToString("N"));
        return response;
    }

    private HttpResponseMessage Serve(HttpRequestMessage request)
    {
        var fault = _faults.TryDequeue(out var next) ? next : Fault.None;
        if (fault.Status is { } status)
        {
            return new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(fault.Body ?? string.Empty, Encoding.UTF8, fault.ContentType) };
        }

        if (fault.ContentType != "application/octet-stream")
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(fault.Body ?? "<!DOCTYPE html><html><body>Sign in</body></html>", Encoding.UTF8, fault.ContentType) };
        }

        long from = 0;
        var to = Content.Length - 1L;
        var partial = false;
        if (ServesRanges && !fault.IgnoreRange && request.Headers.Range is { } range && IfRangeHolds(request.Headers.IfRange))
        {
            var item = range.Ranges.Single();
            from = item.From!.Value;
            to = Math.Min(item.To ?? to, to);
            if (from > to)
            {
                return new HttpResponseMessage(HttpStatusCode.RequestedRangeNotSatisfiable) { Content = new StringContent("<Error><Code>InvalidRange</Code></Error>", Encoding.UTF8, "application/xml") };
            }

            partial = true;
        }

        var length = to - from + 1;
        var body = new FaultStream(Content, from, length, fault, n => Interlocked.Add(ref _bytesSent, n));
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentLength = length + fault.ExtraAnnouncedBytes;
        content.Headers.LastModified = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        if (partial)
        {
            content.Headers.ContentRange = new ContentRangeHeaderValue(from, to, Content.Length);
        }

        var response = new HttpResponseMessage(partial ? HttpStatusCode.PartialContent : HttpStatusCode.OK) { Content = content };
        response.Headers.ETag = EntityTagHeaderValue.Parse(ETag);
        response.Headers.AcceptRanges.Add("bytes");
        return response;
    }

    private bool IfRangeHolds(RangeConditionHeaderValue? ifRange) =>
        ifRange is null || (ifRange.EntityTag is { } tag && tag.Tag == ETag);
}

/// <summary>A request as the network saw it: where it went, with which Authorization, Range and If-Range.</summary>
internal sealed record FileRequest(Uri Uri, string? Authorization, string? Range, string? IfRange);

/// <summary>What one CDN answer does wrong (or nothing).</summary>
internal sealed record Fault
{
    public static readonly Fault None = new();

    /// <summary>The connection breaks after this many body bytes.</summary>
    public long? DropAfter { get; init; }

    /// <summary>The body sends nothing more after this many bytes, until the reader gives up.</summary>
    public long? StallAfter { get; init; }

    /// <summary>Called when the body stalls.</summary>
    public Action? OnStall { get; init; }

    /// <summary>The whole file with 200, whatever Range asked.</summary>
    public bool IgnoreRange { get; init; }

    /// <summary>Content-Length announces this many bytes more than the body has.</summary>
    public long ExtraAnnouncedBytes { get; init; }

    /// <summary>An error status instead of the file, with <see cref="Body"/>.</summary>
    public int? Status { get; init; }

    public string? Body { get; init; }

    /// <summary>Anything else than application/octet-stream answers 200 with <see cref="Body"/> of this type (a login page).</summary>
    public string ContentType { get; init; } = "application/octet-stream";

    public static Fault Drop(long afterBytes) => new() { DropAfter = afterBytes };

    public static Fault Stall(long afterBytes, Action? onStall = null) => new() { StallAfter = afterBytes, OnStall = onStall };
}

/// <summary>A slice of the file as a network body: small reads, and the fault's drop or stall at its byte.</summary>
internal sealed class FaultStream : Stream
{
    private const int MostPerRead = 64 << 10;

    private readonly byte[] _content;
    private readonly long _end;
    private readonly Fault _fault;
    private readonly Action<int> _sent;
    private long _position;
    private long _served;

    public FaultStream(byte[] content, long from, long length, Fault fault, Action<int> sent)
    {
        _content = content;
        _position = from;
        _end = from + length;
        _fault = fault;
        _sent = sent;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_fault.StallAfter is { } stall && _served >= stall)
        {
            _fault.OnStall?.Invoke();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (_fault.DropAfter is { } drop && _served >= drop)
        {
            throw new IOException("The connection was reset by the fake CDN.");
        }

        var limit = Math.Min(Math.Min(count, MostPerRead), _end - _position);
        limit = Math.Min(limit, Math.Min(_fault.DropAfter ?? long.MaxValue, _fault.StallAfter ?? long.MaxValue) - _served);
        var read = (int)Math.Max(0, limit);
        Array.Copy(_content, _position, buffer, offset, read);
        _position += read;
        _served += read;
        _sent(read);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
