using System;
using System.Collections.Generic;

namespace ModelHub.Library.Updates;

/// <summary>Which newer versions count as updates.</summary>
public sealed class UpdateQuery
{
    /// <summary>Also report Civitai versions still in early access.</summary>
    public bool IncludeEarlyAccess { get; init; }

    /// <summary>Versions (Civitai version ids, Hugging Face commits) never to report.</summary>
    public IReadOnlyCollection<string> Exclude { get; init; } = Array.Empty<string>();
}
