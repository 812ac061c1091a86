using System;
using System.Globalization;
using System.IO;
using System.Text;
using ModelHub.Errors;
using ModelHub.Resources;

namespace ModelHub.Gallery;

/// <summary>Where a gallery page goes, and writing it so that a reader never sees half a page.</summary>
public static class GalleryFile
{
    /// <summary>A new file in the temp folder, named after the time (to the millisecond, so galleries do not overwrite each other).</summary>
    public static string DefaultPath(DateTimeOffset now) =>
        Path.Combine(Path.GetTempPath(), "ModelHub-Gallery-" + now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture) + ".html");

    /// <summary>
    /// Writes the page as UTF-8 (no BOM) to a temporary file beside <paramref name="path"/>, then moves it into
    /// place, replacing an older page. Creates the folder when missing. Failures are <see cref="ErrorIds.GalleryNotWritten"/>.
    /// </summary>
    public static FileInfo Write(string path, string html)
    {
        var target = Path.GetFullPath(path);
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(temporary, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            if (File.Exists(target))
            {
                File.Replace(temporary, target, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporary, target);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TryDelete(temporary);
            throw new ModelHubException(ErrorIds.GalleryNotWritten, HubErrorCategory.ResourceUnavailable,
                Text.Format(Messages.GalleryNotWritten, target, exception.Message), Messages.GalleryNotWrittenAction, exception)
            {
                Target = target,
            };
        }

        return new FileInfo(target);
    }

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
