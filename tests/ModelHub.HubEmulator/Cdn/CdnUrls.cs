using System;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.Cdn;

/// <summary>Addresses of files on the CDN origin. (Helper A implements this.)</summary>
public sealed class CdnUrls
{
    public CdnUrls(Origins origins, EmulatorOptions options, TimeProvider time)
    {
        _ = origins;
        _ = options;
        _ = time;
    }

    /// <summary>
    /// A signed, expiring download URL for the file (valid for --signed-url-ttl), carrying the download name as
    /// <c>response-content-disposition=attachment; filename="…"</c> (or inline) like an S3 pre-signed URL.
    /// </summary>
    public Uri Signed(FileSpec spec, string fileName, bool inline = false) => throw new NotImplementedException("helper A");

    /// <summary>A public, unsigned URL (sample images).</summary>
    public Uri Public(FileSpec spec, string fileName) => throw new NotImplementedException("helper A");
}
