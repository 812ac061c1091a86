using System.Text.Json.Nodes;

namespace ModelHub.Library.Updates;

/// <summary>Set-HubModelPin: a pinned install is left alone by update checks (InstallRecord.Pinned).</summary>
public static class PinWriter
{
    /// <summary>The record key that holds the pin (the record is camelCase).</summary>
    private const string PinnedKey = "pinned";

    /// <summary>
    /// Sets or clears the pin in the record beside an installed file or folder, atomically, keeping everything else in it.
    /// Throws <see cref="Errors.ModelHubException"/>: InstallRecordNotFound when there is no record, FileWriteFailed.
    /// </summary>
    public static void SetPinned(string installedPath, bool pinned) =>
        RecordFile.Edit(installedPath, record => record[PinnedKey] = JsonValue.Create(pinned));
}
