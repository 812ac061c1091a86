using System;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;

namespace ModelHub.Hubs.Civitai;

/// <summary>(Being implemented.)</summary>
public sealed partial class CivitaiSource
{
    public Task<ModelCard> GetCardAsync(string modelId, string? versionId, HubCallOptions options, CancellationToken cancellationToken) => throw new NotImplementedException();
}
