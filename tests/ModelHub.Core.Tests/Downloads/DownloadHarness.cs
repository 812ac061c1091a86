using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ModelHub.Discovery;
using ModelHub.Downloads;
using ModelHub.Http;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;

namespace ModelHub.Tests.Downloads;

/// <summary>
/// A "process" that downloads: its own runtime and <see cref="FileDownloader"/> over a <see cref="FakeFileServer"/>,
/// a fake clock the calls move forward, and a free-space probe tests set. Two harnesses on one folder are two processes.
/// </summary>
internal sealed class DownloadHarness : IDisposable
{
    public static readonly Uri HubUrl = new(HttpHarness.CivitaiOrigin + "/api/download/models/5678?type=Model&format=SafeTensor");

    public static readonly RetrySettings Retries = HttpHarness.FastRetries;

    private readonly TempFolder _home = new();

    public DownloadHarness(FakeFileServer server, RetrySettings? retry = null, TimeProvider? time = null)
    {
        Server = server;
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var clock = time ?? Time;
        Environment = new FakeEnvironment(_home.Path)
        {
            [EnvironmentVariables.CivitaiEndpoint] = HttpHarness.CivitaiOrigin,
            [EnvironmentVariables.CivitaiToken] = HttpHarness.Token,
        };
        SetRetries(retry ?? Retries);
        Runtime = new HubRuntime(Environment, () => server, clock);
        Downloader = new FileDownloader(Runtime.Http, new HubRequestFactory(Runtime.Settings, Runtime.Tokens), clock, Space);
    }

    public FakeFileServer Server { get; }

    public FakeTimeProvider Time { get; }

    public FakeEnvironment Environment { get; }

    public HubRuntime Runtime { get; }

    public FileDownloader Downloader { get; }

    public FakeSpace Space { get; } = new();

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Deterministic bytes that are not all alike, so misplaced ranges change the hash.</summary>
    public static byte[] Bytes(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static DownloadRequest Request(string destination, byte[] content, int? maxConnections = null, long? maxBytesPerSecond = null, bool force = false) => new()
    {
        Hub = Hub.Civitai,
        Url = HubUrl,
        Target = "civitai:4201@5678 model.safetensors",
        DestinationPath = destination,
        ExpectedSize = content.Length,
        ExpectedSha256 = Sha256(content),
        MaxConnections = maxConnections,
        MaxBytesPerSecond = maxBytesPerSecond,
        Force = force,
        Options = HubCallOptions.Default,
    };

    /// <summary>Downloads, moving the fake clock forward until the call ends.</summary>
    public Task<DownloadResult> DownloadAsync(DownloadRequest request, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var task = Task.Run(() => Downloader.DownloadAsync(request, progress, cancellationToken));
        return AdvanceUntilAsync(task);
    }

    public async Task<T> AdvanceUntilAsync<T>(Task<T> task)
    {
        while (!task.IsCompleted)
        {
            await Task.Delay(1);
            Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        return await task;
    }

    public void Dispose()
    {
        Runtime.Dispose();
        _home.Dispose();
    }

    private void SetRetries(RetrySettings retry)
    {
        Environment[EnvironmentVariables.MaxRetries] = retry.MaxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Environment[EnvironmentVariables.RetryBaseDelay] = retry.BaseDelay.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Environment[EnvironmentVariables.RetryMaxDelay] = retry.MaxDelay.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Environment[EnvironmentVariables.AttemptTimeout] = retry.AttemptTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Environment[EnvironmentVariables.Timeout] = retry.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Environment[EnvironmentVariables.ReadIdleTimeout] = retry.ReadIdleTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A volume with as much free space as the test says (unknown by default).</summary>
internal sealed class FakeSpace : IFreeSpaceProbe
{
    public long? Available { get; set; }

    public string? AskedFor { get; private set; }

    public long? AvailableBytes(string folder)
    {
        AskedFor = folder;
        return Available;
    }
}
