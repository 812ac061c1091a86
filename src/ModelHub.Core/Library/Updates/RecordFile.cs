using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.IO;
using ModelHub.Resources;

namespace ModelHub.Library.Updates;

/// <summary>Changes keys of an install record (&lt;name&gt;.modelhub.json) in place, atomically, keeping every other key as it is.</summary>
internal static class RecordFile
{
    /// <summary>
    /// Applies <paramref name="change"/> to the record of an installed file or folder. No record (or a file that is not
    /// one) is <see cref="ErrorIds.InstallRecordNotFound"/>; a refused write is <see cref="ErrorIds.FileWriteFailed"/>.
    /// </summary>
    public static void Edit(string installedPath, Action<JsonObject> change)
    {
        var path = SidecarWriter.RecordPath(installedPath);
        if (SidecarWriter.ReadRecord(path) is null || Parse(path) is not { } record)
        {
            throw new ModelHubException(ErrorIds.InstallRecordNotFound, HubErrorCategory.ObjectNotFound,
                Text.Format(Messages.InstallRecordNotFound, installedPath, path), Messages.InstallRecordNotFoundAction) { Target = installedPath };
        }

        change(record);
        try
        {
            AtomicFile.WriteAllText(path, record.ToJsonString(StoredJson.Record));
        }
        catch (Exception exception) when (AtomicFile.IsWriteFailure(exception))
        {
            throw new ModelHubException(ErrorIds.FileWriteFailed, HubErrorCategory.ResourceUnavailable,
                Text.Format(Messages.InstallRecordNotWritten, path, exception.Message), Messages.InstallRecordNotWrittenAction, exception) { Target = path };
        }
    }

    private static JsonObject? Parse(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
