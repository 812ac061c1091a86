using System;
using System.Runtime.InteropServices;

namespace ModelHub.IO;

/// <summary>Hard links, which .NET has no API for: link(2) on Unix, CreateHardLinkW on Windows.</summary>
internal static class FileLinks
{
    private static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>
    /// Makes <paramref name="link"/> a second name of <paramref name="existing"/>; false when the file system cannot (another
    /// volume, FAT, a share without link support, the name taken), so the caller copies instead.
    /// </summary>
    public static bool TryCreateHardLink(string existing, string link)
    {
        try
        {
            return IsWindows ? CreateHardLinkW(link, existing, IntPtr.Zero) : UnixLink(existing, link) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int UnixLink(string existing, string link);

    [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CreateHardLinkW(string link, string existing, IntPtr securityAttributes);
}
