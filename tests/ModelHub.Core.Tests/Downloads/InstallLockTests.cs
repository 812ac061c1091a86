using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ModelHub.Downloads;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Downloads;

public sealed class InstallLockTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _folder.Dispose();

    private string LockPath => Path.Combine(_folder.Path, ".modelhub-staging", "destination.lock");

    [Fact]
    public async Task A_second_holder_waits_until_the_first_lets_go_and_the_lock_file_goes_with_it()
    {
        var first = await InstallLock.AcquireAsync(LockPath, _time, CancellationToken.None);
        var second = InstallLock.AcquireAsync(LockPath, _time, CancellationToken.None);

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(InstallLock.PollInterval);
            await Task.Delay(20);
        }

        Assert.False(second.IsCompleted);
        first.Dispose();
        Assert.False(File.Exists(LockPath));
        while (!second.IsCompleted)
        {
            _time.Advance(InstallLock.PollInterval);
            await Task.Delay(5);
        }

        using var held = await second;
        Assert.True(File.Exists(LockPath));
    }

    [Fact]
    public async Task Waiting_for_the_lock_can_be_cancelled()
    {
        using var first = await InstallLock.AcquireAsync(LockPath, _time, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var second = InstallLock.AcquireAsync(LockPath, _time, cancel.Token);

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
    }
}
