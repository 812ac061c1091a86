using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace ModelHub.Downloads;

/// <summary>
/// An exclusive lock on one destination, held while it is downloaded and placed, so two processes (or two tasks)
/// installing the same file never write it at once. It is a lock file opened with FileShare.None (a share lock on
/// Windows, flock on Unix), so the operating system releases it when its process dies. The file is removed while
/// still held, so the staging folder can go once empty.
/// </summary>
internal sealed class InstallLock : IDisposable
{
    /// <summary>How often a waiting download tries again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    private readonly FileStream _file;
    private readonly string _path;

    private InstallLock(FileStream file, string path)
    {
        _file = file;
        _path = path;
    }

    /// <summary>Takes the lock, waiting (polling, cancellable) while another download holds it.</summary>
    public static async Task<InstallLock> AcquireAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryAcquire(path) is { } acquired)
            {
                return acquired;
            }

            await time.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static InstallLock? TryAcquire(string path)
    {
        // The holder's cleanup may have removed the folder between two attempts.
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream file;
        try
        {
            // Windows removes the file when the handle closes, and nobody can open it meanwhile.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, IsWindows ? FileOptions.DeleteOnClose : FileOptions.None);
        }
        catch (IOException)
        {
            // Held by another download (a sharing violation), or its folder just removed by the last holder.
            return null;
        }
        catch (UnauthorizedAccessException) when (IsWindows && File.Exists(path))
        {
            // Windows refuses to open a file its holder is deleting on close.
            return null;
        }

        // On Unix the holder unlinks the file before it lets go: a lock won on the unlinked file guards nothing.
        if (!File.Exists(path))
        {
            file.Dispose();
            return null;
        }

        return new InstallLock(file, path);
    }

    public void Dispose()
    {
        if (!IsWindows)
        {
            try
            {
                File.Delete(_path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The lock is released below either way; a leftover lock file only keeps the staging folder.
            }
        }

        _file.Dispose();
    }
}
