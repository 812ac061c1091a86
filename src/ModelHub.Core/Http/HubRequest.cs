using System;
using System.Net.Http;
using System.Net.Http.Headers;
using ModelHub.Settings;

namespace ModelHub.Http;

/// <summary>One request to a hub: where it goes, with which token, how hard to retry and how to read the answer.</summary>
public sealed class HubRequest
{
    private const string PropertyKey = "ModelHub.HubRequest";
    private int _attempts;

    public HubRequest(HubEndpoint endpoint, HttpMethod method, Uri uri, HubToken token, RetrySettings retry)
    {
        Endpoint = endpoint;
        Method = method;
        Uri = uri;
        Token = token;
        Retry = retry;
    }

    public Hub Hub => Endpoint.Hub;

    /// <summary>The hub's configured endpoint; its origin is the only one the token is sent to.</summary>
    public HubEndpoint Endpoint { get; }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    public HubToken Token { get; }

    public RetrySettings Retry { get; }

    /// <summary>What the request is about (a model id, a file), named in errors.</summary>
    public string? Target { get; init; }

    /// <summary>Follow redirects (our code follows them, not the handler). Off to read a redirect itself.</summary>
    public bool FollowRedirects { get; init; } = true;

    /// <summary>Read the whole body inside each attempt, so a stalled or dropped body is retried. Off for downloads.</summary>
    public bool BufferContent { get; init; } = true;

    /// <summary>A request body; it must be re-readable (it is sent again on retries and 307/308 redirects).</summary>
    public HttpContent? Content { get; init; }

    /// <summary>The Accept media type, if any.</summary>
    public string? Accept { get; init; }

    public IHubHttpTrace? Trace { get; init; }

    /// <summary>The bytes to ask for (a resumed download, or one part of it); sent on every hop, the CDN's included.</summary>
    public RangeHeaderValue? Range { get; init; }

    /// <summary>
    /// The validator <see cref="Range"/> depends on (the file's ETag, else its Last-Modified): a server whose file
    /// changed answers 200 with all of it instead of the range.
    /// </summary>
    public RangeConditionHeaderValue? IfRange { get; init; }

    /// <summary>Attempts sent so far, over all redirect hops.</summary>
    public int Attempts => _attempts;

    /// <summary>The target for messages: the named target, else the redacted URL.</summary>
    public string Describe() => Target ?? Redaction.Url(Uri);

    internal int CountAttempt() => System.Threading.Interlocked.Increment(ref _attempts);

    internal HttpRequestMessage CreateMessage(Uri uri, HttpMethod method, bool withContent)
    {
        var message = new HttpRequestMessage(method, uri);
        if (withContent)
        {
            message.Content = Content;
        }

        if (Accept is not null)
        {
            message.Headers.Accept.ParseAdd(Accept);
        }

        // Each redirect hop is a new message: the range must travel to the CDN, not just to the hub.
        message.Headers.Range = Range;
        message.Headers.IfRange = IfRange;

        message.Properties[PropertyKey] = this;
        return message;
    }

    internal static HubRequest Of(HttpRequestMessage message) =>
        message.Properties.TryGetValue(PropertyKey, out var value) && value is HubRequest request
            ? request
            : throw new InvalidOperationException("A request reached the ModelHub HTTP pipeline without a HubRequest; send it through HubHttpClient.");
}
