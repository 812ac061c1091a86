using System;
using System.ComponentModel;
using System.Diagnostics;
using ModelHub.Errors;
using ModelHub.Resources;

namespace ModelHub.Gallery;

/// <summary>Opens a page in the user's default browser (the shell's handler for .html files).</summary>
public static class DefaultBrowser
{
    /// <summary>Opens the file; a system without a handler is <see cref="ErrorIds.GalleryNotOpened"/>.</summary>
    public static void Open(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(path) { UseShellExecute = true });
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            throw new ModelHubException(ErrorIds.GalleryNotOpened, HubErrorCategory.ResourceUnavailable,
                Text.Format(Messages.GalleryNotOpened, path, exception.Message), Messages.GalleryNotOpenedAction, exception)
            {
                Target = path,
            };
        }
    }
}
