using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace ModelHub.Tests.Fakes;

/// <summary>
/// The innermost HTTP handler for tests: answers from a script of responders, in turn, and records
/// every request as the network would have seen it.
/// </summary>
internal sealed class FakeHub : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly FakeTimeProvider _time;

    public FakeHub(FakeTimeProvider time)
    {
        _time = time;
    }

    public List<SeenRequest> Requests { get; } = new();

    /// <summary>Queues the next answers; the last one repeats when the script runs out.</summary>
    public FakeHub Then(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] responders)
    {
        foreach (var responder in responders)
        {
            _script.Enqueue(responder);
        }

        return this;
    }

    public FakeHub Then(params Func<HttpResponseMessage>[] responses) =>
        Then(responses.Select(r => (Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>)((_, _) => Task.FromResult(r()))).ToArray());

    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _last;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(new SeenRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), request.Headers.UserAgent.ToString(), _time.GetUtcNow()));
        }

        var responder = _script.TryDequeue(out var next) ? _last = next : _last ?? throw new InvalidOperationException("The fake hub has no answer scripted.");
        var response = await responder(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Html(HttpStatusCode status) =>
        new(status) { Content = new StringContent("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>cf</body></html>", Encoding.UTF8, "text/html") };

    public static HttpResponseMessage Status(int status) => Json((HttpStatusCode)status, "{\"error\":\"status " + status + "\"}");

    public static HttpResponseMessage Redirect(string location, int status = 307)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }
}

internal sealed record SeenRequest(HttpMethod Method, Uri Uri, string? Authorization, string UserAgent, DateTimeOffset At);
