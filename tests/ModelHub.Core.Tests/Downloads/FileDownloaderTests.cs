using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Downloads;
using ModelHub.Errors;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Downloads;

public sealed class FileDownloaderTests : IDisposable
{
    private const int OneMiB = 1 << 20;
    private const string Token = "Bearer " + HttpHarness.Token;

    private readonly TempFolder _folder = new();
    private readonly List<DownloadHarness> _harnesses = new();

    public void Dispose()
    {
        foreach (var harness in _harnesses)
        {
            harness.Dispose();
        }

        _folder.Dispose();
    }

    private string Destination => Path.Combine(_folder.Path, "models", "Lora", "model.safetensors");

    private string StagingFolder => FileDownloader.StagingFolderFor(Destination);

    private DownloadHarness Harness(FakeFileServer server, ModelHub.Settings.RetrySettings? retry = null, TimeProvider? time = null)
    {
        var harness = new DownloadHarness(server, retry, time);
        _harnesses.Add(harness);
        return harness;
    }

    [Fact]
    public async Task Downloads_over_one_connection_verifies_and_places_the_file_with_the_token_kept_off_the_CDN()
    {
        var content = DownloadHarness.Bytes(3 * OneMiB);
        var server = new FakeFileServer(content);
        var harness = Harness(server);
        var reports = new Reports();

        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content), reports);

        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.Equal(Destination, result.Path);
        Assert.Equal(content.Length, result.Size);
        Assert.Equal(DownloadHarness.Sha256(content), result.Sha256);
        Assert.True(result.Verified);
        Assert.False(result.Resumed);
        Assert.False(result.Skipped);
        Assert.Equal(content.Length, result.BytesDownloaded);
        Assert.False(Directory.Exists(StagingFolder));

        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(DownloadHarness.HubUrl, requests[0].Uri);
        Assert.Equal(Token, requests[0].Authorization);
        var cdn = Assert.Single(server.CdnRequests);
        Assert.Null(cdn.Authorization);
        Assert.Null(cdn.Range);

        var last = reports.Last;
        Assert.Equal(content.Length, last.BytesDone);
        Assert.Equal(content.Length, last.TotalBytes);
    }

    [Fact]
    public async Task Fetches_a_large_file_in_ranged_parts_over_several_connections_and_still_hashes_the_whole_file()
    {
        var content = DownloadHarness.Bytes(64 * OneMiB);
        var server = new FakeFileServer(content);
        var harness = Harness(server);

        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content, maxConnections: 4));

        Assert.Equal(DownloadHarness.Sha256(content), result.Sha256);
        Assert.True(File.ReadAllBytes(Destination).AsSpan().SequenceEqual(content));
        var ranges = server.CdnRequests.Select(r => r.Range).OrderBy(r => r!.Length).ThenBy(r => r).ToList();
        Assert.Equal(new[] { "bytes=0-16777215", "bytes=16777216-33554431", "bytes=33554432-50331647", "bytes=50331648-67108863" }, ranges);
        Assert.All(server.CdnRequests, r => Assert.Null(r.Authorization));
        Assert.Equal(content.Length, server.BytesSent);
        Assert.Equal(content.Length, result.BytesDownloaded);
    }

    [Fact]
    public async Task A_part_that_drops_resumes_on_its_own_and_no_byte_is_fetched_twice()
    {
        var content = DownloadHarness.Bytes(64 * OneMiB);
        var server = new FakeFileServer(content).Then(Fault.None, Fault.Drop(5 * OneMiB + 123));
        var harness = Harness(server);

        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content, maxConnections: 4));

        Assert.Equal(DownloadHarness.Sha256(content), result.Sha256);
        Assert.True(File.ReadAllBytes(Destination).AsSpan().SequenceEqual(content));
        Assert.Equal(5, server.CdnRequests.Count());
        Assert.Equal(content.Length, server.BytesSent);
        Assert.True(result.Resumed);
        // Parts start at multiples of 16 MiB: the one other start is the resumed part, 5 MiB + 123 bytes into it.
        var resumed = Assert.Single(server.CdnRequests, r => RangeStart(r) % (16 * OneMiB) != 0);
        Assert.Equal(5 * OneMiB + 123, RangeStart(resumed) % (16 * OneMiB));
        Assert.Equal("\"v1\"", resumed.IfRange);
    }

    [Fact]
    public async Task A_dropped_connection_resumes_with_Range_and_If_Range_and_does_not_start_over()
    {
        var content = DownloadHarness.Bytes(2 * OneMiB);
        var server = new FakeFileServer(content).Then(Fault.Drop(700_000));
        var harness = Harness(server);

        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content));

        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.Equal(DownloadHarness.Sha256(content), result.Sha256);
        Assert.True(result.Resumed);
        var cdn = server.CdnRequests.ToList();
        Assert.Equal(2, cdn.Count);
        Assert.Null(cdn[0].Range);
        Assert.Equal("bytes=700000-2097151", cdn[1].Range);
        Assert.Equal("\"v1\"", cdn[1].IfRange);
        Assert.Equal(content.Length, server.BytesSent);
        Assert.Equal(content.Length, result.BytesDownloaded);
        Assert.Equal(2, server.Requests.Count(r => r.Uri == DownloadHarness.HubUrl));
    }

    [Fact]
    public async Task A_stalled_body_times_out_and_resumes_where_it_stopped()
    {
        var content = DownloadHarness.Bytes(2 * OneMiB);
        var server = new FakeFileServer(content).Then(Fault.Stall(1_000_000));
        var harness = Harness(server);

        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content));

        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.Equal(new[] { null, "bytes=1000000-2097151" }, server.CdnRequests.Select(r => r.Range));
        Assert.Equal(content.Length, server.BytesSent);
        Assert.True(result.Resumed);
    }

    [Fact]
    public async Task A_whole_file_answer_to_a_range_restarts_cleanly_from_zero_with_that_answer()
    {
        var content = DownloadHarness.Bytes(2 * OneMiB);
        var server = new FakeFileServer(content).Then(Fault.Drop(600_000), new Fault { IgnoreRange = true });
        var harness = Harness(server);

        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content));

        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.Equal(DownloadHarness.Sha256(content), result.Sha256);
        Assert.False(result.Resumed);
        Assert.Equal(new[] { null, "bytes=600000-2097151" }, server.CdnRequests.Select(r => r.Range));
        Assert.Equal(600_000 + content.Length, result.BytesDownloaded);
    }

    [Fact]
    public async Task A_server_that_ignores_ranges_gets_one_connection()
    {
        var content = DownloadHarness.Bytes(64 * OneMiB);
        var server = new FakeFileServer(content) { ServesRanges = false };
        var harness = Harness(server);

        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content, maxConnections: 4));

        Assert.Equal(DownloadHarness.Sha256(content), result.Sha256);
        Assert.Equal(new[] { "bytes=0-16777215" }, server.CdnRequests.Select(r => r.Range));
        Assert.Equal(content.Length, server.BytesSent);
    }

    [Fact]
    public async Task A_new_process_resumes_from_the_state_file_and_downloads_only_the_rest()
    {
        var content = DownloadHarness.Bytes(2 * OneMiB);
        var noRetries = DownloadHarness.Retries with { MaxRetries = 0 };
        var first = Harness(new FakeFileServer(content).Then(Fault.Drop(800_000), Fault.Stall(0)), noRetries);

        var failure = await Assert.ThrowsAsync<HubUnavailableException>(() => first.DownloadAsync(DownloadHarness.Request(Destination, content)));

        Assert.Contains("without progress", failure.Message);
        Assert.False(File.Exists(Destination));
        Assert.Single(Directory.GetFiles(StagingFolder, "*.partial"));
        Assert.Single(Directory.GetFiles(StagingFolder, "*.json"));

        var server = new FakeFileServer(content);
        var second = Harness(server);
        var result = await second.DownloadAsync(DownloadHarness.Request(Destination, content));

        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.Equal(DownloadHarness.Sha256(content), result.Sha256);
        Assert.True(result.Resumed);
        Assert.Equal(content.Length - 800_000, result.BytesDownloaded);
        var cdn = Assert.Single(server.CdnRequests);
        Assert.Equal("bytes=800000-2097151", cdn.Range);
        Assert.Equal("\"v1\"", cdn.IfRange);
        Assert.False(Directory.Exists(StagingFolder));
    }

    [Fact]
    public async Task Cancellation_keeps_a_resumable_staging_file_that_the_next_call_continues()
    {
        var content = DownloadHarness.Bytes(2 * OneMiB);
        using var cancel = new CancellationTokenSource();
        var server = new FakeFileServer(content).Then(Fault.Stall(900_000, cancel.Cancel));
        var harness = Harness(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.DownloadAsync(DownloadHarness.Request(Destination, content), cancellationToken: cancel.Token));

        Assert.False(File.Exists(Destination));
        Assert.Equal(new[] { ".json", ".partial" }, Directory.GetFiles(StagingFolder).Select(Path.GetExtension).OrderBy(e => e));

        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content));

        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.True(result.Resumed);
        Assert.Equal("bytes=900000-2097151", server.CdnRequests.Last().Range);
        Assert.Equal(content.Length, server.BytesSent);
        Assert.False(Directory.Exists(StagingFolder));
    }

    [Fact]
    public async Task A_cancelled_download_in_parts_resumes_each_part_where_it_stopped()
    {
        var content = DownloadHarness.Bytes(64 * OneMiB);
        using var cancel = new CancellationTokenSource();
        var server = new FakeFileServer(content).Then(Fault.None, Fault.None, Fault.Stall(3 * OneMiB, cancel.Cancel));
        var harness = Harness(server);
        var request = DownloadHarness.Request(Destination, content, maxConnections: 4);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.DownloadAsync(request, cancellationToken: cancel.Token));
        var first = server.CdnRequests.Count();
        var sentBefore = server.BytesSent;
        var result = await Harness(server).DownloadAsync(request);

        Assert.Equal(DownloadHarness.Sha256(content), result.Sha256);
        Assert.True(result.Resumed);
        Assert.InRange(sentBefore, 3 * OneMiB, content.Length - 1);
        Assert.Equal(content.Length - sentBefore, result.BytesDownloaded);
        Assert.Equal(content.Length, server.BytesSent);
        Assert.Contains(server.CdnRequests.Skip(first), r => RangeStart(r) % (16 * OneMiB) == 3 * OneMiB && r.IfRange == "\"v1\"");
        Assert.True(File.ReadAllBytes(Destination).AsSpan().SequenceEqual(content));
    }

    [Fact]
    public async Task A_state_that_claims_more_than_the_staging_file_holds_is_not_trusted()
    {
        var content = DownloadHarness.Bytes(OneMiB);
        var request = DownloadHarness.Request(Destination, content);
        var server = new FakeFileServer(content).Then(Fault.Drop(600_000), Fault.Stall(0));
        var noRetries = DownloadHarness.Retries with { MaxRetries = 0 };
        await Assert.ThrowsAsync<HubUnavailableException>(() => Harness(server, noRetries).DownloadAsync(request));
        var partial = Assert.Single(Directory.GetFiles(StagingFolder, "*.partial"));
        using (var file = new FileStream(partial, FileMode.Open))
        {
            file.SetLength(100_000);
        }

        var result = await Harness(server).DownloadAsync(request);

        Assert.False(result.Resumed);
        Assert.Null(server.CdnRequests.Last().Range);
        Assert.Equal(content, File.ReadAllBytes(Destination));
    }

    [Fact]
    public async Task A_verified_download_that_cannot_be_placed_stays_staged_and_the_next_call_only_places_it()
    {
        // The last 300,000 bytes come after the last checkpoint by size, and a clock that stands still makes none by time.
        var content = DownloadHarness.Bytes((2 * OneMiB) + 300_000);
        var server = new FakeFileServer(content);
        var harness = Harness(server, time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        Directory.CreateDirectory(Destination);

        var error = await Assert.ThrowsAsync<ModelHubException>(() => harness.DownloadAsync(DownloadHarness.Request(Destination, content)));
        Assert.Equal(ErrorIds.FileWriteFailed, error.ErrorId);
        Directory.Delete(Destination);
        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content));

        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.True(result.Resumed);
        Assert.Equal(0, result.BytesDownloaded);
        Assert.Single(server.CdnRequests);
        Assert.False(Directory.Exists(StagingFolder));
    }

    [Fact]
    public async Task A_hash_mismatch_places_nothing_removes_the_staging_file_and_names_both_hashes()
    {
        var content = DownloadHarness.Bytes(OneMiB);
        var corrupted = content.ToArray();
        corrupted[12345] ^= 0xFF;
        var harness = Harness(new FakeFileServer(corrupted));

        var error = await Assert.ThrowsAsync<ModelHubException>(() => harness.DownloadAsync(DownloadHarness.Request(Destination, content)));

        Assert.Equal(ErrorIds.FileHashMismatch, error.ErrorId);
        Assert.Equal(HubErrorCategory.InvalidResult, error.Category);
        Assert.Contains(DownloadHarness.Sha256(content), error.Message);
        Assert.Contains(DownloadHarness.Sha256(corrupted), error.Message);
        Assert.Contains("civitai:4201@5678 model.safetensors", error.Message);
        Assert.False(File.Exists(Destination));
        Assert.False(Directory.Exists(StagingFolder));
    }

    [Fact]
    public async Task A_wrong_git_blob_sha1_is_a_mismatch_and_a_right_one_verifies()
    {
        var content = System.Text.Encoding.UTF8.GetBytes("{\"_class_name\": \"UNet2DConditionModel\"}\n");
        var blob = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.ASCII.GetBytes($"blob {content.Length}\0").Concat(content).ToArray()));
        var harness = Harness(new FakeFileServer(content));
        var request = DownloadHarness.Request(Destination, content);

        var wrong = await Assert.ThrowsAsync<ModelHubException>(() => harness.DownloadAsync(new DownloadRequest
        {
            Hub = request.Hub, Url = request.Url, Target = request.Target, DestinationPath = Destination, ExpectedSize = content.Length, ExpectedGitBlobSha1 = new string('0', 40),
        }));
        var right = await harness.DownloadAsync(new DownloadRequest
        {
            Hub = request.Hub, Url = request.Url, Target = request.Target, DestinationPath = Destination, ExpectedSize = content.Length, ExpectedGitBlobSha1 = blob,
        });

        Assert.Equal(ErrorIds.FileHashMismatch, wrong.ErrorId);
        Assert.Contains("git blob sha1", wrong.Message);
        Assert.Contains(blob, wrong.Message);
        Assert.True(right.Verified);
        Assert.Equal(content, File.ReadAllBytes(Destination));
    }

    [Fact]
    public async Task A_file_the_hub_gives_no_hash_for_is_placed_unverified()
    {
        var content = DownloadHarness.Bytes(100_000);
        var harness = Harness(new FakeFileServer(content));
        var request = DownloadHarness.Request(Destination, content);

        var result = await harness.DownloadAsync(new DownloadRequest { Hub = request.Hub, Url = request.Url, Target = request.Target, DestinationPath = Destination });

        Assert.False(result.Verified);
        Assert.Equal(content.Length, result.Size);
        Assert.Equal(DownloadHarness.Sha256(content), result.Sha256);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xhtml+xml")]
    public async Task A_login_or_error_page_is_refused_before_anything_is_written(string contentType)
    {
        var content = DownloadHarness.Bytes(OneMiB);
        var harness = Harness(new FakeFileServer(content).Then(new Fault { ContentType = contentType }));

        var error = await Assert.ThrowsAsync<ModelHubException>(() => harness.DownloadAsync(DownloadHarness.Request(Destination, content)));

        Assert.Equal(ErrorIds.UnexpectedDownloadContent, error.ErrorId);
        Assert.Contains(contentType, error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(Destination)!));
    }

    [Fact]
    public async Task A_length_that_disagrees_with_the_hub_is_refused_before_anything_is_written()
    {
        var content = DownloadHarness.Bytes(OneMiB);
        var harness = Harness(new FakeFileServer(content).Then(new Fault { ExtraAnnouncedBytes = 1024 }));

        var error = await Assert.ThrowsAsync<ModelHubException>(() => harness.DownloadAsync(DownloadHarness.Request(Destination, content)));

        Assert.Equal(ErrorIds.FileSizeMismatch, error.ErrorId);
        Assert.Contains((content.Length + 1024).ToString("N0"), error.Message);
        Assert.Contains(content.Length.ToString("N0"), error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(Destination)!));
    }

    [Fact]
    public async Task Too_little_free_space_is_refused_before_any_request()
    {
        var content = DownloadHarness.Bytes(OneMiB);
        var server = new FakeFileServer(content);
        var harness = Harness(server);
        harness.Space.Available = 5 * OneMiB;

        var error = await Assert.ThrowsAsync<ModelHubException>(() => harness.DownloadAsync(DownloadHarness.Request(Destination, content)));

        Assert.Equal(ErrorIds.InsufficientDiskSpace, error.ErrorId);
        Assert.Equal(HubErrorCategory.LimitsExceeded, error.Category);
        Assert.Contains(StagingFolder, error.Message);
        Assert.Contains((content.Length + DownloadSession.SpaceMargin).ToString("N0"), error.Message);
        Assert.Contains((5 * OneMiB).ToString("N0"), error.Message);
        Assert.Equal(StagingFolder, harness.Space.AskedFor);
        Assert.Empty(server.Requests);
        Assert.False(Directory.Exists(StagingFolder));
    }

    [Fact]
    public async Task Two_downloads_of_one_destination_at_once_download_it_once()
    {
        var content = DownloadHarness.Bytes(OneMiB);
        var server = new FakeFileServer(content);
        var harness = Harness(server);
        var request = DownloadHarness.Request(Destination, content, maxBytesPerSecond: 256 << 10);

        var results = await Task.WhenAll(harness.DownloadAsync(request), harness.DownloadAsync(request));

        // The second waited for the first (a 1 MiB file at 256 KiB/s takes about 4 s), then found the file there.
        var skipped = Assert.Single(results, r => r.Skipped);
        Assert.True(skipped.Elapsed >= TimeSpan.FromSeconds(3), $"skipped after {skipped.Elapsed}");
        Assert.Single(results, r => !r.Skipped && r.BytesDownloaded == content.Length);
        Assert.All(results, r => Assert.Equal(DownloadHarness.Sha256(content), r.Sha256));
        Assert.Single(server.CdnRequests);
        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.False(Directory.Exists(StagingFolder));
    }

    [Fact]
    public async Task An_existing_file_with_the_right_hash_is_skipped_unless_forced()
    {
        var content = DownloadHarness.Bytes(OneMiB);
        Directory.CreateDirectory(Path.GetDirectoryName(Destination)!);
        File.WriteAllBytes(Destination, content);
        var server = new FakeFileServer(content);
        var harness = Harness(server);

        var skipped = await harness.DownloadAsync(DownloadHarness.Request(Destination, content));
        Assert.True(skipped.Skipped);
        Assert.True(skipped.Verified);
        Assert.Equal(0, skipped.BytesDownloaded);
        Assert.Empty(server.Requests);

        var forced = await harness.DownloadAsync(DownloadHarness.Request(Destination, content, force: true));
        Assert.False(forced.Skipped);
        Assert.Equal(content.Length, forced.BytesDownloaded);
        Assert.Equal(content, File.ReadAllBytes(Destination));
    }

    [Fact]
    public async Task An_existing_file_with_other_bytes_is_replaced()
    {
        var content = DownloadHarness.Bytes(OneMiB);
        Directory.CreateDirectory(Path.GetDirectoryName(Destination)!);
        File.WriteAllBytes(Destination, DownloadHarness.Bytes(OneMiB, seed: 99));
        var harness = Harness(new FakeFileServer(content));

        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content));

        Assert.False(result.Skipped);
        Assert.Equal(content, File.ReadAllBytes(Destination));
    }

    [Fact]
    public async Task An_expired_signed_address_on_a_resume_gets_one_fresh_request_through_the_hub()
    {
        var content = DownloadHarness.Bytes(2 * OneMiB);
        var expired = new Fault
        {
            Status = 403,
            ContentType = "application/xml",
            Body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>",
        };
        var server = new FakeFileServer(content).Then(Fault.Drop(500_000), expired);
        var harness = Harness(server);

        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content));

        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.Equal(new[] { null, "bytes=500000-2097151", "bytes=500000-2097151" }, server.CdnRequests.Select(r => r.Range));
        Assert.Equal(3, server.Requests.Count(r => r.Uri == DownloadHarness.HubUrl));
        Assert.Equal(content.Length, server.BytesSent);
    }

    [Fact]
    public async Task The_bandwidth_cap_holds_the_rate_down()
    {
        var content = DownloadHarness.Bytes(OneMiB);
        var harness = Harness(new FakeFileServer(content), time: TimeProvider.System);
        var rate = 512L << 10;

        var result = await harness.DownloadAsync(DownloadHarness.Request(Destination, content, maxBytesPerSecond: rate));

        // The first quarter second is a burst; the rest comes at the rate.
        var least = TimeSpan.FromSeconds((content.Length - (rate / 4.0)) / rate);
        Assert.InRange(result.Elapsed, least * 0.95, least * 4);
        Assert.Equal(content, File.ReadAllBytes(Destination));
    }

    private static long RangeStart(FileRequest request) => long.Parse(request.Range!.Split('=', '-')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Keeps every report, on the reporting thread (Progress&lt;T&gt; would post them elsewhere).</summary>
    private sealed class Reports : IProgress<DownloadProgress>
    {
        private readonly List<DownloadProgress> _reports = new();

        public DownloadProgress Last
        {
            get
            {
                lock (_reports)
                {
                    return _reports[^1];
                }
            }
        }

        public void Report(DownloadProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }
}
