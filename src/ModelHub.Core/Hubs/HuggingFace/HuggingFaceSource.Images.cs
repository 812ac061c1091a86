using System;
using System.Collections.Generic;
using System.Threading;
using ModelHub.Discovery;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>(Being implemented.)</summary>
public sealed partial class HuggingFaceSource
{
    public IAsyncEnumerable<ModelImage> GetImagesAsync(string modelId, string? versionId, bool includeNsfw, HubCallOptions options, CancellationToken cancellationToken) => throw new NotImplementedException();
}
