using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Downloads;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Downloads;

public sealed class DownloadCacheTests : IDisposable
{
    private static readonly byte[] Content = DownloadHarness.Bytes(300_000);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Cache => Path.Combine(_folder.Path, "cache");

    private string Entry => DownloadCache.EntryPath(Cache, DownloadHarness.Sha256(Content));

    private DownloadRequest Request(string name) => DownloadHarness.Request(Path.Combine(_folder.Path, name, "model.safetensors"), Content) with { CachePath = Cache };

    [Fact]
    public async Task A_download_goes_into_the_cache_by_hash_and_the_next_one_comes_from_it_without_a_request()
    {
        var server = new FakeFileServer(Content);
        using var harness = new DownloadHarness(server);

        var first = await harness.DownloadAsync(Request("one"));
        var requests = server.Requests.Count;
        var second = await harness.DownloadAsync(Request("two"));

        var sha256 = DownloadHarness.Sha256(Content);
        Assert.Equal(Path.Combine(Cache, sha256[..2], sha256), Entry);
        Assert.Equal(Content, File.ReadAllBytes(Entry));
        Assert.False(first.FromCache);
        Assert.Equal(Content.Length, first.BytesDownloaded);
        Assert.True(second.FromCache);
        Assert.True(second.Verified);
        Assert.Equal(0, second.BytesDownloaded);
        Assert.Equal(requests, server.Requests.Count);
        Assert.Equal(Content, File.ReadAllBytes(second.Path));
        Assert.Equal(DownloadHarness.Sha256(Content), second.Sha256);
        // No lock or staging file is left beside the cached file.
        Assert.Equal(new[] { Entry }, Directory.GetFileSystemEntries(Path.GetDirectoryName(Entry)!));
    }

    [Fact]
    public async Task A_damaged_cached_file_is_never_placed_but_downloaded_again()
    {
        var server = new FakeFileServer(Content);
        using var harness = new DownloadHarness(server);
        await harness.DownloadAsync(Request("one"));
        var damaged = File.ReadAllBytes(Entry);
        damaged[1000] ^= 0xFF;
        File.WriteAllBytes(Entry, damaged);

        var second = await harness.DownloadAsync(Request("two"));

        Assert.False(second.FromCache);
        Assert.Equal(Content.Length, second.BytesDownloaded);
        Assert.Equal(Content, File.ReadAllBytes(second.Path));
        Assert.Equal(Content, File.ReadAllBytes(Entry));
    }

    [Fact]
    public async Task A_cache_on_another_volume_is_copied_from_and_checked_as_it_is_copied()
    {
        // /dev/shm is a tmpfs, another volume than the temporary folder's on the Linux machines the tests run on.
        Assert.True(OperatingSystem.IsLinux() && Directory.Exists("/dev/shm"), "This test needs a second volume at /dev/shm.");
        var cache = Path.Combine("/dev/shm", "modelhub-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sha256 = DownloadHarness.Sha256(Content);
            var entry = DownloadCache.EntryPath(cache, sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(entry)!);
            File.WriteAllBytes(entry, Content);
            var target = Path.Combine(_folder.Path, "copy.partial");

            Assert.True(await DownloadCache.TryPlaceAsync(entry, target, sha256, Content.Length, justVerified: true, CancellationToken.None));
            Assert.Equal(Content, File.ReadAllBytes(target));

            var damaged = (byte[])Content.Clone();
            damaged[^1] ^= 0xFF;
            File.WriteAllBytes(entry, damaged);
            Assert.False(await DownloadCache.TryPlaceAsync(entry, target, sha256, Content.Length, justVerified: true, CancellationToken.None));
            Assert.False(File.Exists(target));
            Assert.False(File.Exists(entry));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task Two_processes_wanting_the_same_file_at_once_download_it_once_between_them()
    {
        var server = new FakeFileServer(Content);
        using var one = new DownloadHarness(server);
        using var two = new DownloadHarness(server);

        var results = await Task.WhenAll(one.DownloadAsync(Request("one")), two.DownloadAsync(Request("two")));

        Assert.Equal(Content.Length, server.BytesSent);
        Assert.Single(results, result => result.FromCache);
        Assert.All(results, result => Assert.Equal(Content, File.ReadAllBytes(result.Path)));
    }

    [Fact]
    public async Task A_file_already_in_place_is_not_taken_from_the_cache_and_one_without_a_SHA256_bypasses_it()
    {
        var server = new FakeFileServer(Content);
        using var harness = new DownloadHarness(server);
        var placed = await harness.DownloadAsync(Request("one"));
        File.Delete(Entry);

        var again = await harness.DownloadAsync(Request("one"));
        var unhashed = await harness.DownloadAsync(Request("two") with { ExpectedSha256 = null });

        Assert.True(again.Skipped);
        Assert.False(File.Exists(Entry));
        Assert.False(unhashed.FromCache);
        Assert.False(File.Exists(Entry));
        Assert.Equal(Content, File.ReadAllBytes(placed.Path));
    }
}
