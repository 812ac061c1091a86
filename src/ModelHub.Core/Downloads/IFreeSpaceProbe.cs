namespace ModelHub.Downloads;

/// <summary>Tells how much space a volume has left; tests replace it to simulate a full disk.</summary>
internal interface IFreeSpaceProbe
{
    /// <summary>Bytes the current user may still write on the volume of <paramref name="folder"/>; null when it cannot be told.</summary>
    long? AvailableBytes(string folder);
}
