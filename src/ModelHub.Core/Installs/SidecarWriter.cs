using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Downloads;
using ModelHub.Errors;
using ModelHub.IO;
using ModelHub.Resources;
using ModelHub.Settings;

namespace ModelHub.Installs;

/// <summary>
/// Writes the files that sit beside an installed model: &lt;name&gt;.civitai.info (Civitai's version JSON as returned),
/// &lt;name&gt;.json (A1111's user metadata, merged), &lt;name&gt;.preview.&lt;ext&gt; (first sample image within the content
/// policy, never over a user's file) and &lt;name&gt;.modelhub.json (the <see cref="InstallRecord"/>). Each atomically;
/// none ever holds a token or a signed address.
/// </summary>
/// <remarks>
/// &lt;name&gt; is the installed path without its extension (a folder's whole path). Every string taken from a hub passes
/// through <see cref="StoredJson.Clean(string, IReadOnlyList{string})"/>: secret query parameters are removed from URLs (a
/// signed URL loses its query) and the call's token is masked. The preview follows the content policy as
/// Get-HubModelImage does, with the model standing in for -IncludeNsfw: Strict never shows an NSFW image; otherwise
/// only an NSFW model (one the user chose to install) may get an NSFW preview.
/// </remarks>
public sealed class SidecarWriter
{
    public const string CivitaiInfoExtension = ".civitai.info";
    public const string UserMetadataExtension = ".json";
    public const string PreviewSuffix = ".preview";
    public const string RecordExtension = ".modelhub.json";

    /// <summary>A1111's preview extensions (find_preview: png, jpg, jpeg, webp, gif), and AVIF, which images may also be.</summary>
    public static readonly IReadOnlyList<string> PreviewExtensions = new[] { ".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif" };

    /// <summary>Sample images tried for a preview: the first that really is an image (not a video) is kept.</summary>
    private const int PreviewCandidates = 3;

    private static readonly IReadOnlyList<string?> NoSecrets = Array.Empty<string?>();

    private readonly ModelDiscovery _discovery;
    private readonly ImageSaver _images;
    private readonly SettingsReader _settings;

    public SidecarWriter(ModelDiscovery discovery, ImageSaver images, SettingsReader settings)
    {
        _discovery = discovery;
        _images = images;
        _settings = settings;
    }

    /// <summary>The record file of an installed file or folder: "&lt;path without extension&gt;.modelhub.json".</summary>
    public static string RecordPath(string installedPath) => NameBase(installedPath) + RecordExtension;

    /// <summary>
    /// What sidecar names start with: an installed file's path without its extension, or an existing folder's whole path
    /// (a diffusers folder's name may hold dots).
    /// </summary>
    public static string NameBase(string installedPath)
    {
        var path = installedPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return Directory.Exists(path) ? path : path.Substring(0, path.Length - Path.GetExtension(path).Length);
    }

    /// <summary>Reads a record; null when the file is missing or not a record.</summary>
    public static InstallRecord? ReadRecord(string recordPath)
    {
        try
        {
            return JsonSerializer.Deserialize<InstallRecord>(File.ReadAllText(recordPath), StoredJson.Record) is { ModelId.Length: > 0, VersionId.Length: > 0 } record
                ? record
                : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the record only (Save-HubModel writes none; the record is what -Path installs keep too). A file system that
    /// refuses it is <see cref="ErrorIds.FileWriteFailed"/>.
    /// </summary>
    public static void WriteRecord(InstalledItem item) => WriteRecord(item, NoSecrets, Array.Empty<WrittenSidecar>());

    /// <summary>
    /// Writes every sidecar for the item and returns warnings for those that could not be written (a failed preview
    /// never fails the install). A diffusers folder gets only the record, beside the folder. The record lists the
    /// sidecars ModelHub wrote (<see cref="InstallRecord.Sidecars"/>), never a user's file it merged into.
    /// </summary>
    /// <remarks>
    /// Nothing here fails the install: a record, hub answer or file that cannot be had is a warning; only cancellation
    /// ends it early. The A1111 metadata of a file that is not a JSON object is left untouched (a warning), and a preview
    /// is skipped when the user or an earlier install already put an image beside the model.
    /// </remarks>
    public async Task<IReadOnlyList<string>> WriteAsync(InstalledItem item, HubCallOptions options, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var secrets = new[] { options.Token };
        var recorded = TryWriteRecord(item, secrets, Array.Empty<WrittenSidecar>(), warnings);
        if (item.IsFolder || item.Files.FirstOrDefault() is not { } file)
        {
            return warnings;
        }

        var nameBase = NameBase(item.Path);
        var written = new List<WrittenSidecar>();
        if (item.Model.Hub == Hub.Civitai)
        {
            var infoPath = nameBase + CivitaiInfoExtension;
            await AttemptAsync(infoPath, warnings, written, () => WriteCivitaiInfoAsync(item, infoPath, options, secrets, cancellationToken)).ConfigureAwait(false);
        }

        var metadataPath = nameBase + UserMetadataExtension;
        await AttemptAsync(metadataPath, warnings, written, () => WriteUserMetadataAsync(item, file, metadataPath, options, secrets, warnings, cancellationToken)).ConfigureAwait(false);
        await AttemptAsync(nameBase + PreviewSuffix, warnings, written, () => WritePreviewAsync(item, nameBase, options, warnings, cancellationToken)).ConfigureAwait(false);
        if (recorded && written.Count > 0)
        {
            TryWriteRecord(item, secrets, written, warnings);
        }

        return warnings;
    }

    /// <summary>
    /// Writes only the sidecars a file found on disk lacks (Get-InstalledHubModel -WriteSidecar): the record, a Civitai
    /// model's .civitai.info and a preview, each only where none exists; the user's A1111 .json is left alone. Returns
    /// warnings as <see cref="WriteAsync"/> does.
    /// </summary>
    public async Task<IReadOnlyList<string>> WriteMissingAsync(InstalledItem item, HubCallOptions options, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var secrets = new[] { options.Token };
        var writesRecord = !File.Exists(RecordPath(item.Path)) && TryWriteRecord(item, secrets, Array.Empty<WrittenSidecar>(), warnings);

        if (item.IsFolder)
        {
            return warnings;
        }

        var nameBase = NameBase(item.Path);
        var infoPath = nameBase + CivitaiInfoExtension;
        var written = new List<WrittenSidecar>();
        if (item.Model.Hub == Hub.Civitai && !File.Exists(infoPath))
        {
            await AttemptAsync(infoPath, warnings, written, () => WriteCivitaiInfoAsync(item, infoPath, options, secrets, cancellationToken)).ConfigureAwait(false);
        }

        await AttemptAsync(nameBase + PreviewSuffix, warnings, written, () => WritePreviewAsync(item, nameBase, options, warnings, cancellationToken)).ConfigureAwait(false);
        if (writesRecord && written.Count > 0)
        {
            TryWriteRecord(item, secrets, written, warnings);
        }

        return warnings;
    }

    /// <summary>Writes the record; false (and a warning) when the file system refuses it.</summary>
    private static bool TryWriteRecord(InstalledItem item, IReadOnlyList<string?> secrets, IReadOnlyList<WrittenSidecar> written, List<string> warnings)
    {
        try
        {
            WriteRecord(item, secrets, written);
            return true;
        }
        catch (ModelHubException exception)
        {
            warnings.Add(exception.Message);
            return false;
        }
    }

    /// <summary>
    /// Writes the record. Its sidecars: those an earlier record of ours listed that are still as it wrote them (or that
    /// were just rewritten from such a state), and those just <paramref name="written"/> that did not exist before.
    /// </summary>
    private static void WriteRecord(InstalledItem item, IReadOnlyList<string?> secrets, IReadOnlyList<WrittenSidecar> written)
    {
        var path = RecordPath(item.Path);
        var folder = Path.GetDirectoryName(path)!;
        var rewritten = written.Select(sidecar => Path.GetFileName(sidecar.Path)).ToList();
        var ours = (ReadRecord(path)?.Sidecars ?? Array.Empty<InstallRecordSidecar>())
            .Where(sidecar => rewritten.Contains(sidecar.Name) || SidecarFiles.IsUnchanged(folder, sidecar))
            .Select(sidecar => sidecar.Name)
            .Concat(written.Where(sidecar => sidecar.Created).Select(sidecar => Path.GetFileName(sidecar.Path)))
            .Distinct()
            .Where(name => File.Exists(Path.Combine(folder, name)))
            .Select(name => new InstallRecordSidecar { Name = name, Sha256 = SidecarFiles.Sha256Of(Path.Combine(folder, name)) })
            .ToList();
        var record = JsonSerializer.SerializeToNode(InstallRecord.Of(item, ours), StoredJson.Record)!;
        StoredJson.Clean(record, secrets);
        try
        {
            AtomicFile.WriteAllText(path, record.ToJsonString(StoredJson.Record));
        }
        catch (Exception exception) when (AtomicFile.IsWriteFailure(exception))
        {
            throw new ModelHubException(ErrorIds.FileWriteFailed, HubErrorCategory.ResourceUnavailable,
                Text.Format(Messages.InstallRecordNotWritten, path, exception.Message), Messages.InstallRecordNotWrittenAction, exception)
            {
                Hub = item.Model.Hub,
                Target = path,
            };
        }
    }

    /// <summary>
    /// Runs one sidecar's writing (which returns the path it wrote, or null when it wrote nothing) and notes whether it
    /// created the file; a hub failure or a refused write becomes a warning naming the sidecar.
    /// </summary>
    private static async Task AttemptAsync(string path, List<string> warnings, List<WrittenSidecar> written, Func<Task<string?>> write)
    {
        // The preview's path gains its extension as it is written, and a preview is only written where none was.
        var existed = File.Exists(path);
        try
        {
            if (await write().ConfigureAwait(false) is { } wrote)
            {
                written.Add(new WrittenSidecar(wrote, Created: !existed));
            }
        }
        catch (Exception exception) when (exception is ModelHubException || AtomicFile.IsWriteFailure(exception))
        {
            warnings.Add(Text.Format(Messages.SidecarNotWritten, path, exception.Message));
        }
    }

    /// <summary>The version record as Civitai sent it; re-serialized only when it had to be cleaned of a secret.</summary>
    private async Task<string?> WriteCivitaiInfoAsync(InstalledItem item, string path, HubCallOptions options, IReadOnlyList<string?> secrets, CancellationToken cancellationToken)
    {
        var record = await _discovery.GetVersionRecordAsync(Hub.Civitai, item.Model.Id, item.Version.VersionId, options, cancellationToken).ConfigureAwait(false);
        var parsed = JsonNode.Parse(record);
        AtomicFile.WriteAllText(path, StoredJson.Clean(parsed, secrets) ? parsed!.ToJsonString(StoredJson.Python) : record);
        return path;
    }

    private async Task<string?> WriteUserMetadataAsync(InstalledItem item, InstalledFile file, string path, HubCallOptions options, IReadOnlyList<string?> secrets, List<string> warnings, CancellationToken cancellationToken)
    {
        if (ReadUserMetadata(path) is not { } metadata)
        {
            warnings.Add(Text.Format(Messages.UserMetadataNotMerged, path));
            return null;
        }

        string? description = null;
        try
        {
            description = (await _discovery.GetCardAsync(new ModelReference(item.Model.Hub, item.Model.Id), item.Version.VersionId, options, cancellationToken).ConfigureAwait(false)).Text;
        }
        catch (ModelHubException exception)
        {
            warnings.Add(Text.Format(Messages.DescriptionLeftOut, path, exception.Message));
        }

        AtomicFile.WriteAllText(path, A1111Metadata.Merge(metadata, item, file, description, secrets).ToJsonString(StoredJson.Python));
        return path;
    }

    /// <summary>The user's metadata (a new object when there is none yet); null when the file is not a JSON object.</summary>
    private static JsonObject? ReadUserMetadata(string path)
    {
        if (!File.Exists(path))
        {
            return new JsonObject();
        }

        var text = File.ReadAllText(path);
        if (text.Trim().Length == 0)
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first sample image of the version that is an image, unless an image already sits beside the model.</summary>
    private async Task<string?> WritePreviewAsync(InstalledItem item, string nameBase, HubCallOptions options, List<string> warnings, CancellationToken cancellationToken)
    {
        if (PreviewExtensions.Any(extension => File.Exists(nameBase + extension) || File.Exists(nameBase + PreviewSuffix + extension)))
        {
            return null;
        }

        var includeNsfw = _settings.Read().ContentPolicy != ContentPolicy.Strict && item.Model.Nsfw;
        var candidates = new List<ModelImage>();
        await _discovery.GetImagesAsync(new ModelReference(item.Model.Hub, item.Model.Id), item.Version.VersionId, includeNsfw, options, image =>
        {
            if (includeNsfw || !image.Nsfw)
            {
                candidates.Add(image);
            }

            return candidates.Count < PreviewCandidates;
        }, cancellationToken).ConfigureAwait(false);

        foreach (var image in candidates)
        {
            try
            {
                return await _images.SaveAsAsync(image, nameBase + PreviewSuffix, options, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidHubResponseException)
            {
                // A video or a page instead of an image: the next sample may be one.
            }
        }

        if (candidates.Count > 0)
        {
            warnings.Add(Text.Format(Messages.PreviewNotAnImage, item.Path, candidates.Count));
        }

        return null;
    }

    /// <summary>A sidecar file just written, and whether it was new (a file that was there before may be the user's).</summary>
    private sealed record WrittenSidecar(string Path, bool Created);
}
