using System;
using System.IO;

namespace ModelHub.Downloads;

/// <summary>
/// The free space of a folder's volume from <see cref="DriveInfo"/>: statvfs of the folder itself on Unix (so any
/// mount point is right), the folder's drive on Windows. A network share it cannot name counts as unknown.
/// </summary>
internal sealed class DriveFreeSpaceProbe : IFreeSpaceProbe
{
    public static readonly DriveFreeSpaceProbe Instance = new();

    public long? AvailableBytes(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
