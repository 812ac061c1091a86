using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ModelHub.Http;
using ModelHub.Settings;

namespace ModelHub.Tests.Fakes;

/// <summary>A runtime wired to a <see cref="FakeHub"/> and a fake clock that tests move forward.</summary>
internal sealed class HttpHarness : IDisposable
{
    public const string CivitaiOrigin = "https://civitai.example";
    public const string HuggingFaceOrigin = "https://hf.example";
    public const string Token = "secret-token-123";

    public static readonly RetrySettings FastRetries = new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(8),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        Timeout = TimeSpan.FromMinutes(10),
        ReadIdleTimeout = TimeSpan.FromSeconds(5),
    };

    private readonly TempFolder _home = new();

    public HttpHarness()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        Hub = new FakeHub(Time);
        Environment = new FakeEnvironment(_home.Path)
        {
            [EnvironmentVariables.CivitaiEndpoint] = CivitaiOrigin,
            [EnvironmentVariables.HuggingFaceEndpoint] = HuggingFaceOrigin,
        };
        Runtime = new HubRuntime(Environment, () => Hub, Time);
    }

    public FakeTimeProvider Time { get; }

    public FakeHub Hub { get; }

    public FakeEnvironment Environment { get; }

    public HubRuntime Runtime { get; }

    public RecordingTrace Trace { get; } = new();

    public HubRequest Request(Hub hub = ModelHub.Hub.Civitai, string path = "api/v1/models/1", RetrySettings? retry = null, string? token = Token, string? target = null, bool followRedirects = true, bool buffer = true)
    {
        var endpoint = Runtime.Settings.Read().Endpoint(hub);
        return new HubRequest(endpoint, HttpMethod.Get, endpoint.Combine(path), token is null ? HubToken.None : new HubToken(token, SettingSources.Parameter), retry ?? FastRetries)
        {
            Target = target,
            FollowRedirects = followRedirects,
            BufferContent = buffer,
            Trace = Trace,
        };
    }

    /// <summary>Runs the call, moving the fake clock forward until it completes.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        var task = Task.Run(() => call(cancellationToken));
        while (!task.IsCompleted)
        {
            await Task.Delay(1);
            Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        return await task;
    }

    public Task<HttpResponseMessage> SendAsync(HubRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(ct => Runtime.Http.SendAsync(request, ct), cancellationToken);

    public Task<JsonDocument> GetJsonAsync(HubRequest request) =>
        RunAsync(ct => Runtime.Http.GetJsonAsync(request, ct));

    public void Dispose()
    {
        Runtime.Dispose();
        _home.Dispose();
    }
}

/// <summary>Keeps what the HTTP layer reported, to assert on retries and on redaction.</summary>
internal sealed class RecordingTrace : IHubHttpTrace
{
    public List<string> Lines { get; } = new();

    public List<TimeSpan> Delays { get; } = new();

    public void Sending(HttpMethod method, string redactedUrl, int attempt)
    {
        lock (Lines)
        {
            Lines.Add($"{method} {redactedUrl} #{attempt}");
        }
    }

    public void Retrying(string redactedUrl, int attempt, TimeSpan delay, string reason)
    {
        lock (Lines)
        {
            Lines.Add($"retry {attempt} of {redactedUrl} in {delay}: {reason}");
            Delays.Add(delay);
        }
    }
}
