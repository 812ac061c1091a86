using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Errors;
using ModelHub.Http;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Http;

public sealed class ResilienceTests : IDisposable
{
    private readonly HttpHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(520)]
    [InlineData(524)]
    public async Task Retries_transient_statuses_until_success(int status)
    {
        _harness.Hub.Then(() => FakeHub.Status(status), () => FakeHub.Status(status), () => FakeHub.Json(HttpStatusCode.OK, "{\"id\":1}"));

        using var json = await _harness.GetJsonAsync(_harness.Request());

        Assert.Equal(1, json.RootElement.GetProperty("id").GetInt32());
        Assert.Equal(3, _harness.Hub.Requests.Count);
    }

    [Fact]
    public async Task Gives_up_after_the_configured_retries_with_HubUnavailable()
    {
        _harness.Hub.Then(() => FakeHub.Status(503));

        var error = await Assert.ThrowsAsync<HubUnavailableException>(() => _harness.SendAsync(_harness.Request()));

        Assert.Equal(HttpHarness.FastRetries.MaxRetries + 1, _harness.Hub.Requests.Count);
        Assert.Equal(ErrorIds.HubUnavailable, error.ErrorId);
        Assert.Equal(HubErrorCategory.ConnectionError, error.Category);
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("4 attempt(s)", error.Message);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task Does_not_retry_other_client_errors(int status)
    {
        _harness.Hub.Then(() => FakeHub.Status(status));

        await Assert.ThrowsAnyAsync<ModelHubException>(() => _harness.SendAsync(_harness.Request()));

        Assert.Single(_harness.Hub.Requests);
    }

    [Theory]
    [InlineData("{\"error\":\"You've requested too many pages, please use cursors instead\"}", ErrorIds.HubPageLimitExceeded)]
    [InlineData("{\"error\":\"We've noticed an unusual amount of downloading from your account. Contact support@civitai.com or come back later.\"}", ErrorIds.HubDownloadQuotaExceeded)]
    public async Task Does_not_retry_Civitai_429s_that_waiting_does_not_fix(string body, string errorId)
    {
        _harness.Hub.Then(() => FakeHub.Json((HttpStatusCode)429, body));

        var error = await Assert.ThrowsAsync<HubRateLimitedException>(() => _harness.SendAsync(_harness.Request()));

        Assert.Single(_harness.Hub.Requests);
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(HubErrorCategory.LimitsExceeded, error.Category);
    }

    [Fact]
    public async Task Waits_as_long_as_Retry_After_seconds_asks()
    {
        _harness.Hub.Then(() => WithRetryAfter(FakeHub.Status(429), new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7))), () => FakeHub.Status(200));

        await _harness.SendAsync(_harness.Request());

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(_harness.Trace.Delays));
        Assert.True(_harness.Hub.Requests[1].At - _harness.Hub.Requests[0].At >= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Waits_until_a_Retry_After_date()
    {
        var until = _harness.Time.GetUtcNow().AddSeconds(12);
        _harness.Hub.Then(() => WithRetryAfter(FakeHub.Status(503), new System.Net.Http.Headers.RetryConditionHeaderValue(until)), () => FakeHub.Status(200));

        await _harness.SendAsync(_harness.Request());

        var delay = Assert.Single(_harness.Trace.Delays);
        Assert.InRange(delay.TotalSeconds, 11, 12);
        Assert.True(_harness.Hub.Requests[1].At >= until.AddSeconds(-1));
    }

    [Fact]
    public async Task Waits_for_the_Hugging_Face_RateLimit_reset()
    {
        _harness.Hub.Then(
            () =>
            {
                var response = FakeHub.Status(429);
                response.Headers.TryAddWithoutValidation("RateLimit", "\"api\";r=0;t=55");
                response.Headers.TryAddWithoutValidation("RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300");
                return response;
            },
            () => FakeHub.Status(200));

        await _harness.SendAsync(_harness.Request(ModelHub.Hub.HuggingFace, "api/models/a/b"));

        Assert.Equal(TimeSpan.FromSeconds(55), Assert.Single(_harness.Trace.Delays));
    }

    [Fact]
    public async Task Fails_fast_with_the_wait_when_the_hub_asks_for_longer_than_it_is_worth()
    {
        _harness.Hub.Then(() => WithRetryAfter(FakeHub.Status(429), new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1))));

        var error = await Assert.ThrowsAsync<HubRateLimitedException>(() => _harness.SendAsync(_harness.Request()));

        Assert.Single(_harness.Hub.Requests);
        Assert.Equal(ErrorIds.HubRateLimited, error.ErrorId);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
    }

    [Fact]
    public void Backoff_doubles_from_the_base_delay_with_jitter_and_stays_under_the_cap()
    {
        var random = new Random(42);
        var settings = HttpHarness.FastRetries;

        for (var retry = 0; retry < 10; retry++)
        {
            var full = Math.Min(settings.BaseDelay.TotalMilliseconds * Math.Pow(2, retry), settings.MaxDelay.TotalMilliseconds);
            var delay = RetryDelay.Backoff(retry, settings, random).TotalMilliseconds;
            Assert.InRange(delay, full / 2, full);
        }
    }

    [Fact]
    public async Task Backs_off_between_retries_when_the_hub_names_no_wait()
    {
        _harness.Hub.Then(() => FakeHub.Status(502), () => FakeHub.Status(502), () => FakeHub.Status(200));

        await _harness.SendAsync(_harness.Request());

        Assert.Equal(2, _harness.Trace.Delays.Count);
        Assert.InRange(_harness.Trace.Delays[0].TotalSeconds, 0.5, 1);
        Assert.InRange(_harness.Trace.Delays[1].TotalSeconds, 1, 2);
    }

    [Fact]
    public async Task Retries_connection_failures_then_reports_the_hub_unavailable()
    {
        _harness.Hub.Then((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused")));

        var error = await Assert.ThrowsAsync<HubUnavailableException>(() => _harness.SendAsync(_harness.Request()));

        Assert.Equal(4, _harness.Hub.Requests.Count);
        Assert.Contains("Connection refused", error.Message);
    }

    [Fact]
    public async Task Times_out_an_attempt_that_never_answers_and_tries_again()
    {
        _harness.Hub.Then(
            async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            },
            (_, _) => Task.FromResult(FakeHub.Status(200)));

        using var response = await _harness.SendAsync(_harness.Request());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _harness.Hub.Requests.Count);
        Assert.True(_harness.Hub.Requests[1].At - _harness.Hub.Requests[0].At >= HttpHarness.FastRetries.AttemptTimeout);
        Assert.Contains("attempt timed out", _harness.Trace.Lines.Single(l => l.StartsWith("retry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retries_a_body_that_stalls_longer_than_the_read_idle_timeout()
    {
        _harness.Hub.Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) }, () => FakeHub.Json(HttpStatusCode.OK, "{}"));

        using var json = await _harness.GetJsonAsync(_harness.Request());

        Assert.Equal(2, _harness.Hub.Requests.Count);
    }

    [Fact]
    public async Task Reports_a_stalled_body_as_HubUnavailable_once_retries_run_out()
    {
        _harness.Hub.Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) });

        var error = await Assert.ThrowsAsync<HubUnavailableException>(() => _harness.SendAsync(_harness.Request(retry: HttpHarness.FastRetries with { MaxRetries = 0 })));

        Assert.Contains("sent nothing for 5 s", error.Message);
    }

    [Fact]
    public async Task Guards_streamed_bodies_with_the_read_idle_timeout_too()
    {
        _harness.Hub.Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) });
        using var response = await _harness.SendAsync(_harness.Request(buffer: false));
        using var body = await response.Content.ReadAsStreamAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => _harness.RunAsync(ct => body.ReadAsync(new byte[16], 0, 16, ct)));

        Assert.Contains("sent nothing", error.Message);
    }

    [Fact]
    public async Task Stops_at_the_overall_timeout()
    {
        _harness.Hub.Then(() => FakeHub.Status(503));
        var retry = HttpHarness.FastRetries with { MaxRetries = 100, Timeout = TimeSpan.FromSeconds(20) };

        var error = await Assert.ThrowsAsync<HubUnavailableException>(() => _harness.SendAsync(_harness.Request(retry: retry)));

        Assert.Contains("overall timeout of 20 s", error.Message);
        Assert.InRange(_harness.Hub.Requests.Count, 2, 10);
    }

    [Fact]
    public async Task Cancellation_stops_at_once_without_retrying()
    {
        using var cancellation = new CancellationTokenSource();
        _harness.Hub.Then(async (_, ct) =>
        {
            cancellation.Cancel();
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHub.Status(200);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _harness.SendAsync(_harness.Request(), cancellation.Token));

        Assert.Single(_harness.Hub.Requests);
    }

    private static HttpResponseMessage WithRetryAfter(HttpResponseMessage response, System.Net.Http.Headers.RetryConditionHeaderValue value)
    {
        response.Headers.RetryAfter = value;
        return response;
    }

    /// <summary>A body that never sends a byte until it is cancelled.</summary>
    private sealed class StallingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
