using System;
using System.IO;
using ModelHub.Errors;
using ModelHub.IO;
using ModelHub.Resources;

namespace ModelHub.Manifests;

/// <summary>Manifest files on disk: the form chosen by the extension (.json or .psd1), read and written whole.</summary>
public static class ManifestFiles
{
    /// <summary>True for a .psd1 manifest, false for a .json one; throws ManifestInvalid for any other extension.</summary>
    public static bool IsPsd1(string path)
    {
        var extension = Path.GetExtension(path);
        if (string.Equals(extension, ".psd1", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase)
            ? false
            : throw new ModelHubException(ErrorIds.ManifestInvalid, HubErrorCategory.InvalidArgument,
                Text.Format(Messages.ManifestExtension, path), Messages.ManifestExtensionAction) { Target = path };
    }

    /// <summary>The file's text; throws ManifestNotFound when it cannot be read.</summary>
    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ModelHubException(ErrorIds.ManifestNotFound, HubErrorCategory.ObjectNotFound,
                Text.Format(Messages.ManifestNotRead, path, exception.Message), Messages.ManifestNotReadAction, exception) { Target = path };
        }
    }

    /// <summary>Reads a .json manifest.</summary>
    public static Manifest ReadJson(string path) => ManifestReader.FromJson(ReadText(path), path);

    /// <summary>The error for a .psd1 manifest that is not a data file holding one hashtable (the PowerShell layer parses it).</summary>
    public static ModelHubException NotData(string path, string problem) =>
        new(ErrorIds.ManifestInvalid, HubErrorCategory.InvalidArgument, Text.Format(Messages.ManifestInvalid, path, problem), Messages.ManifestInvalidAction) { Target = path };

    /// <summary>
    /// Writes the manifest in the form the extension names, in one step. Throws ManifestExists when the file exists and
    /// <paramref name="overwrite"/> is false, FileWriteFailed when the file system refuses.
    /// </summary>
    public static void Write(string path, Manifest manifest, bool overwrite)
    {
        var text = IsPsd1(path) ? ManifestWriter.ToPsd1(manifest) : ManifestWriter.ToJson(manifest);
        if (!overwrite && File.Exists(path))
        {
            throw new ModelHubException(ErrorIds.ManifestExists, HubErrorCategory.InvalidOperation,
                Text.Format(Messages.ManifestExists, path), Messages.ManifestExistsAction) { Target = path };
        }

        try
        {
            AtomicFile.WriteAllText(path, text);
        }
        catch (Exception exception) when (AtomicFile.IsWriteFailure(exception))
        {
            throw new ModelHubException(ErrorIds.FileWriteFailed, HubErrorCategory.ResourceUnavailable,
                Text.Format(Messages.ManifestNotWritten, path, exception.Message), Messages.DownloadWriteFailedAction, exception) { Target = path };
        }
    }
}
