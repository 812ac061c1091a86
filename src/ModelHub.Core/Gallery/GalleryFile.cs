using System;
using System.Globalization;
using System.IO;
using ModelHub.Errors;
using ModelHub.IO;
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
        try
        {
            AtomicFile.WriteAllText(target, html);
        }
        catch (Exception exception) when (AtomicFile.IsWriteFailure(exception))
        {
            throw new ModelHubException(ErrorIds.GalleryNotWritten, HubErrorCategory.ResourceUnavailable,
                Text.Format(Messages.GalleryNotWritten, target, exception.Message), Messages.GalleryNotWrittenAction, exception)
            {
                Target = target,
            };
        }

        return new FileInfo(target);
    }
}
