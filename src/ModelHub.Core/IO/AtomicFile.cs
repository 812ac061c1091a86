using System;
using System.IO;
using System.Text;

namespace ModelHub.IO;

/// <summary>Writes a file so that a reader never sees half of it: a temporary file beside it, then one replace.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8 (no BOM) to a temporary file beside <paramref name="path"/>, then moves it
    /// into place, replacing an older file. Creates the folder when missing. On failure the temporary file is removed
    /// and the exception (<see cref="IsWriteFailure"/>) propagates. <paramref name="prepare"/>, when given, acts on the
    /// temporary file before it takes the file's place (e.g. restricting its permissions, so there is no moment the
    /// content is readable by others).
    /// </summary>
    public static void WriteAllText(string path, string text, Action<string>? prepare = null)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            prepare?.Invoke(temporary);
            if (File.Exists(path))
            {
                File.Replace(temporary, path, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporary, path);
            }
        }
        catch (Exception exception) when (IsWriteFailure(exception))
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>The exceptions <see cref="WriteAllText"/> reports when the file system refuses the write.</summary>
    public static bool IsWriteFailure(Exception exception) => exception is IOException or UnauthorizedAccessException or NotSupportedException;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the failure being reported is the write's.
        }
    }
}
