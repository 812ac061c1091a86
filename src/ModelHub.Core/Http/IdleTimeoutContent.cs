using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace ModelHub.Http;

/// <summary>A response body whose reads are guarded by an idle timeout; it keeps the original content headers.</summary>
internal sealed class IdleTimeoutContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeProvider _time;

    public IdleTimeoutContent(HttpContent inner, TimeSpan idleTimeout, TimeProvider time)
    {
        _inner = inner;
        _idleTimeout = idleTimeout;
        _time = time;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        new IdleTimeoutStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), _idleTimeout, _time);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        using var source = await CreateContentReadStreamAsync().ConfigureAwait(false);
        await source.CopyToAsync(stream).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
