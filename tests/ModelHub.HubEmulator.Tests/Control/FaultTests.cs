using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using ModelHub.HubEmulator.Content;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Control;

/// <summary>Every fault kind of the control plane, on a CDN download (where clients meet most of them).</summary>
[Collection(EmulatorCollection.Name)]
public sealed class FaultTests
{
    private const int FileSize = 256 * 1024;

    private readonly EmulatorFixture _emulator;
    private readonly FileSpec _file;
    private readonly Uri _url;

    public FaultTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _file = emulator.Host.Services.Files.Add(new FileSpec { Key = "tests/faults/file.bin", Size = FileSize, Layout = FileLayout.Binary, Seed = 7 });
        _url = emulator.Host.Services.Cdn.Signed(_file, "file.bin");
    }

    private byte[] Expected => ReadAll(_emulator.Host.Services.Content.Open(_file));

    [Fact]
    public async Task Logs_each_request_without_the_token_value()
    {
        await _emulator.ResetAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, _emulator.Url(OriginName.Civitai, "/api/v1/models?limit=1&token=secret-value"));
        request.Headers.UserAgent.ParseAdd("ModelHub/0.1.0");
        using var response = await _emulator.Http.SendAsync(request);
        await _emulator.Http.GetByteArrayAsync(_url);

        var civitai = Assert.Single(await _emulator.RequestsAsync(OriginName.Civitai));
        Assert.Equal("civitai", civitai.GetProperty("origin").GetString());
        Assert.Equal("GET", civitai.GetProperty("method").GetString());
        Assert.Equal("/api/v1/models", civitai.GetProperty("path").GetString());
        Assert.True(civitai.GetProperty("tokenQuery").GetBoolean());
        Assert.False(civitai.GetProperty("authorization").GetBoolean());
        Assert.Equal("ModelHub/0.1.0", civitai.GetProperty("userAgent").GetString());
        Assert.Equal("limit=1&token=***", civitai.GetProperty("query").GetString());
        Assert.DoesNotContain("secret-value", civitai.GetRawText());

        var cdn = Assert.Single(await _emulator.RequestsAsync(OriginName.Cdn));
        Assert.Equal(200, cdn.GetProperty("status").GetInt32());
        Assert.Equal(FileSize, cdn.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task Answers_a_status_sequence_in_turn_before_the_real_response()
    {
        await _emulator.ResetAsync();
        await _emulator.AddFaultAsync(OriginName.Cdn, new { path = "/files/*", status = new[] { 429, 503 }, retryAfter = 3 });

        using var first = await _emulator.Http.GetAsync(_url);
        using var second = await _emulator.Http.GetAsync(_url);
        using var third = await _emulator.Http.GetAsync(_url);

        Assert.Equal((HttpStatusCode)429, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Counts_times_only_for_requests_the_rule_acted_on()
    {
        await _emulator.ResetAsync();
        await _emulator.AddFaultAsync(OriginName.Cdn, new { path = "/files/*", dropAfterBytes = 100_000, times = 1 });
        var ranged = new HttpRequestMessage(HttpMethod.Get, _url);
        ranged.Headers.Range = new RangeHeaderValue(0, 999);

        using var small = await _emulator.Http.SendAsync(ranged);
        Assert.Equal(1000, (await small.Content.ReadAsByteArrayAsync()).Length);
        await Assert.ThrowsAnyAsync<Exception>(() => _emulator.Http.GetByteArrayAsync(_url));
        Assert.Equal(Expected, await _emulator.Http.GetByteArrayAsync(_url));

        var requests = await _emulator.RequestsAsync(OriginName.Cdn);
        Assert.Equal(100_000, requests[1].GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task Corrupts_the_byte_at_a_file_offset_even_in_a_range()
    {
        await _emulator.ResetAsync();
        await _emulator.AddFaultAsync(OriginName.Cdn, new { path = "/files/*", corruptAtOffset = 5000 });
        var ranged = new HttpRequestMessage(HttpMethod.Get, _url);
        ranged.Headers.Range = new RangeHeaderValue(4000, 5999);

        using var response = await _emulator.Http.SendAsync(ranged);
        var body = await response.Content.ReadAsByteArrayAsync();

        var expected = Expected.AsSpan(4000, 2000).ToArray();
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal((byte)(expected[1000] ^ 0xFF), body[1000]);
        expected[1000] ^= 0xFF;
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task Ignores_Range_when_told_to()
    {
        await _emulator.ResetAsync();
        await _emulator.AddFaultAsync(OriginName.Cdn, new { path = "/files/*", ignoreRange = true, times = 1 });
        var ranged = new HttpRequestMessage(HttpMethod.Get, _url);
        ranged.Headers.Range = new RangeHeaderValue(100, null);

        using var response = await _emulator.Http.SendAsync(ranged);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FileSize, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Throttles_the_body()
    {
        await _emulator.ResetAsync();
        await _emulator.AddFaultAsync(OriginName.Cdn, new { path = "/files/*", throttleBytesPerSecond = 512 * 1024 });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var body = await _emulator.Http.GetByteArrayAsync(_url);

        Assert.Equal(Expected, body);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"256 KiB at 512 KiB/s took only {clock.Elapsed}.");
    }

    [Fact]
    public async Task Stalls_the_body_after_the_headers()
    {
        await _emulator.ResetAsync();
        await _emulator.AddFaultAsync(OriginName.Cdn, new { path = "/files/*", stallMs = 700, times = 1 });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var response = await _emulator.Http.GetAsync(_url, HttpCompletionOption.ResponseHeadersRead);
        var headersAfter = clock.Elapsed;
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.True(headersAfter < TimeSpan.FromMilliseconds(600), $"headers came after {headersAfter}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(650), $"the body ended after {clock.Elapsed}");
        Assert.Equal(Expected, body);
    }

    [Fact]
    public async Task Delays_the_response_by_the_latency()
    {
        await _emulator.ResetAsync();
        await _emulator.AddFaultAsync(OriginName.Civitai, new { path = "/api/v1/*", latencyMs = 500, times = 1 });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var response = await _emulator.Http.GetAsync(_emulator.Url(OriginName.Civitai, "/api/v1/models?limit=1"));

        // Timers may fire a little early against the stopwatch: allow 50 ms.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450), $"answered after {clock.Elapsed}");
    }

    [Fact]
    public async Task Announces_a_wrong_Content_Length()
    {
        await _emulator.ResetAsync();
        await _emulator.AddFaultAsync(OriginName.Cdn, new { path = "/files/*", wrongContentLength = true, times = 1 });

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => _emulator.Http.GetByteArrayAsync(_url));
    }

    [Fact]
    public async Task Serves_an_html_page_instead_of_json()
    {
        await _emulator.ResetAsync();
        await _emulator.AddFaultAsync(OriginName.HuggingFace, new { path = "/api/models", html = true, status = new[] { 524 } });

        using var response = await _emulator.Http.GetAsync(_emulator.Url(OriginName.HuggingFace, "/api/models?limit=1"));

        Assert.Equal(524, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Truncates_json_half_way()
    {
        await _emulator.ResetAsync();
        var url = _emulator.Url(OriginName.Civitai, "/api/v1/models?limit=2");
        var whole = await _emulator.Http.GetStringAsync(url);
        await _emulator.AddFaultAsync(OriginName.Civitai, new { path = "/api/v1/models", truncateJson = true, times = 1 });

        var truncated = await _emulator.Http.GetStringAsync(url);

        Assert.Equal(whole.Substring(0, truncated.Length), truncated);
        Assert.InRange(truncated.Length, (whole.Length / 2) - 1, (whole.Length / 2) + 1);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(truncated));
    }

    [Fact]
    public async Task Keeps_faults_to_their_own_origin_and_method()
    {
        await _emulator.ResetAsync();
        await _emulator.AddFaultAsync(OriginName.Civitai, new { path = "*", status = new[] { 500 }, times = 5 });
        await _emulator.AddFaultAsync(OriginName.Cdn, new { path = "/files/*", method = "HEAD", status = new[] { 500 }, times = 5 });

        Assert.Equal(Expected, await _emulator.Http.GetByteArrayAsync(_url));
        using var head = await _emulator.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, _url));
        Assert.Equal(HttpStatusCode.InternalServerError, head.StatusCode);
    }

    [Fact]
    public async Task The_control_plane_is_never_logged_nor_faulted()
    {
        await _emulator.ResetAsync();
        await _emulator.AddFaultAsync(OriginName.Cdn, new { path = "*", status = new[] { 500 }, times = 50 });

        Assert.Empty(await _emulator.RequestsAsync(OriginName.Cdn));
        await _emulator.ResetAsync();
    }

    private static byte[] ReadAll(System.IO.Stream stream)
    {
        using (stream)
        using (var copy = new System.IO.MemoryStream())
        {
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
