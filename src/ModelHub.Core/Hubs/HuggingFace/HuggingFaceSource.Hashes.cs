using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>Hugging Face offers no lookup of files by hash.</summary>
public sealed partial class HuggingFaceSource
{
    /// <summary>Finds nothing, asking nothing: the Hub cannot be searched by a file's SHA-256.</summary>
    public Task<IReadOnlyList<HashMatch>> FindByHashAsync(IReadOnlyList<string> sha256, HubCallOptions options, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HashMatch>>(Array.Empty<HashMatch>());
}
