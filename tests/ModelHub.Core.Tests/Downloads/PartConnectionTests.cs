using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ModelHub.Downloads;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Downloads;

public sealed class PartConnectionTests : IDisposable
{
    private const int Size = 10 << 20;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Asks_for_the_next_part_one_answer_time_before_the_end_at_the_rate_bytes_arrive()
    {
        var content = DownloadHarness.Bytes(Size);
        var path = Path.Combine(_folder.Path, "file.partial");
        var time = new FakeTimeProvider();
        var part = new DownloadPart(0, Size - 1, 0);
        var parts = new PartTable(new[] { part }, Size);
        using var hasher = new FrontierHasher(parts, path, gitBlobSize: null);
        using var connection = new PartConnection(path, parts, hasher, new ProgressMeter(null, time), null, time, _ => { }, failure => failure)
        {
            // At 64 KiB per 10 ms (6.5 MB/s), half a second is 3.3 MB before the end.
            AnswerTime = TimeSpan.FromMilliseconds(500),
        };
        var body = new PacedStream(content, time, TimeSpan.FromMilliseconds(10));
        long? askedAt = null;
        var asked = 0;

        await connection.CopyAsync(body, part, () => { askedAt = body.Served; asked++; }, CancellationToken.None);

        Assert.Equal(1, asked);
        Assert.InRange(askedAt!.Value, Size - 3_300_000 - (512 << 10), Size - 3_300_000 + (512 << 10));
        Assert.True(part.IsComplete);
        Assert.Equal(content, File.ReadAllBytes(path));
    }

    /// <summary>A body that sends 64 KiB per read and moves the clock on by the time that took.</summary>
    private sealed class PacedStream(byte[] content, FakeTimeProvider time, TimeSpan perRead) : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => content.Length;

        public override long Position
        {
            get => Served;
            set => throw new NotSupportedException();
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = (int)Math.Min(Math.Min(count, 64 << 10), content.Length - Served);
            Array.Copy(content, Served, buffer, offset, read);
            Served += read;
            time.Advance(perRead);
            return Task.FromResult(read);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
