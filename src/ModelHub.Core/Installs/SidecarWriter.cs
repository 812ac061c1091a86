using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Downloads;
using ModelHub.Settings;

namespace ModelHub.Installs;

/// <summary>
/// Writes the files that sit beside an installed model: &lt;name&gt;.civitai.info (Civitai's version JSON as returned),
/// &lt;name&gt;.json (A1111's user metadata, merged), &lt;name&gt;.preview.&lt;ext&gt; (first sample image within the content
/// policy, never over a user's file) and &lt;name&gt;.modelhub.json (the <see cref="InstallRecord"/>). Each atomically;
/// none ever holds a token or a signed address.
/// </summary>
public sealed class SidecarWriter
{
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
    public static string RecordPath(string installedPath) => throw new NotImplementedException();

    /// <summary>Reads a record; null when the file is missing or not a record.</summary>
    public static InstallRecord? ReadRecord(string recordPath) => throw new NotImplementedException();

    /// <summary>Writes the record only (Save-HubModel writes none; the record is what -Path installs keep too).</summary>
    public static void WriteRecord(InstalledItem item) => throw new NotImplementedException();

    /// <summary>
    /// Writes every sidecar for the item and returns warnings for those that could not be written (a failed preview
    /// never fails the install). A diffusers folder gets only the record, beside the folder.
    /// </summary>
    public Task<IReadOnlyList<string>> WriteAsync(InstalledItem item, HubCallOptions options, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
