using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Settings;

namespace ModelHub.Library;

/// <summary>
/// Finds the models on this machine and says what each is: sidecars first (ours, Civitai Helper, A1111,
/// StabilityMatrix), the Hugging Face cache, then the file's hash asked of Civitai in bulk, then its
/// safetensors header. Hashes are cached by (path, size, last-write time); lookups that found nothing are
/// remembered with a date, outages never.
/// </summary>
public sealed class LibraryScanner
{
    /// <summary>The roots to scan: the tool's (given, else the stored default) and the plain folders given.</summary>
    public static IReadOnlyList<ScanRoot> RootsFor(Tool? tool, string? toolRoot, IReadOnlyList<string> paths, ModelHubSettings settings) =>
        throw new NotImplementedException();

    /// <summary>Hands each installed model to <paramref name="receive"/> as it is identified; one file's failure never stops the scan.</summary>
    public Task ScanAsync(ScanRequest request, Action<InstalledModel> receive, IProgress<ScanProgress>? progress, HubCallOptions options, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
