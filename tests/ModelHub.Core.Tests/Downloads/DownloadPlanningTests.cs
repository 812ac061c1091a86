using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ModelHub.Downloads;
using Xunit;

namespace ModelHub.Tests.Downloads;

public sealed class DownloadPlanningTests
{
    private const long MiB = 1L << 20;

    [Theory]
    [InlineData(null, null, 1)]
    [InlineData(10 * MiB, null, 1)]
    [InlineData(63 * MiB, null, 1)]
    [InlineData(64 * MiB, null, 4)]
    [InlineData(2048 * MiB, null, 4)]
    [InlineData(2048 * MiB, 8, 8)]
    [InlineData(2048 * MiB, 1, 1)]
    [InlineData(20 * MiB, 8, 1)]
    [InlineData(40 * MiB, 8, 2)]
    [InlineData(4096 * MiB, 16, 16)]
    public void Chooses_connections_by_size_unless_asked(long? size, int? requested, int expected) =>
        Assert.Equal(expected, PartPlanner.Connections(size, requested));

    [Theory]
    [InlineData(64 * MiB, 4)]
    [InlineData(100 * MiB, 4)]
    [InlineData(2048 * MiB, 4)]
    [InlineData(2048 * MiB, 8)]
    [InlineData((3 * 1024 * MiB) + 12345, 16)]
    public void Parts_tile_the_file_in_order_are_at_least_16_MiB_and_shrink_towards_the_end(long size, int connections)
    {
        var parts = PartPlanner.Plan(size, connections);

        Assert.Equal(0, parts[0].From);
        Assert.Equal(size - 1, parts[^1].To);
        Assert.All(parts.Zip(parts.Skip(1)), pair => Assert.Equal(pair.First.To + 1, pair.Second.From));
        var lengths = parts.Select(p => p.To!.Value - p.From + 1).ToList();
        Assert.All(lengths, length => Assert.True(length >= PartPlanner.MinPartSize));
        Assert.All(lengths.Zip(lengths.Skip(1)).SkipLast(1), pair => Assert.True(pair.First >= pair.Second));
        Assert.True(parts.Count >= connections);
        Assert.True(parts.Count <= 8 * connections, $"{parts.Count} parts: one request each is too many");
    }

    [Fact]
    public void One_connection_takes_the_whole_file_even_of_unknown_size()
    {
        var part = Assert.Single(PartPlanner.Plan(null, 1));
        Assert.Equal(0, part.From);
        Assert.Null(part.To);
        Assert.Equal(999, Assert.Single(PartPlanner.Plan(1000, 1)).To);
    }

    [Fact]
    public void The_contiguous_end_stops_at_the_first_gap()
    {
        var middle = new DownloadPart(100, 199, 30);
        var table = new PartTable(new[] { new DownloadPart(0, 99, 100), middle, new DownloadPart(200, 299, 100) }, 300);

        Assert.Equal(130, table.ContiguousEnd(0));
        Assert.Equal(130, table.ContiguousEnd(120));

        table.Advance(middle, 70);
        Assert.Equal(300, table.ContiguousEnd(130));
    }

    [Fact]
    public void Hands_out_untaken_parts_in_file_order()
    {
        var table = new PartTable(new[] { new DownloadPart(200, 299, 0), new DownloadPart(0, 99, 100), new DownloadPart(100, 199, 5) }, 300);

        Assert.Equal(100, table.TakeNext()!.From);
        Assert.Equal(200, table.TakeNext()!.From);
        Assert.Null(table.TakeNext());
    }

    [Fact]
    public async Task The_bandwidth_limiter_makes_readers_wait_for_the_rate()
    {
        var time = new FakeTimeProvider();
        var limiter = new BandwidthLimiter(100 << 10, time);

        var first = limiter.PayAsync(100 << 10, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(990));
        Assert.False(first.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(10));
        await first;

        var second = limiter.PayAsync(50 << 10, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(490));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(10));
        await second;
    }
}
