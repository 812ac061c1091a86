using System;

namespace ModelHub.HubEmulator;

/// <summary>The base address of each origin once its listener is bound (port 0 resolved).</summary>
public sealed class Origins
{
    public Uri Civitai { get; internal set; } = null!;

    public Uri HuggingFace { get; internal set; } = null!;

    public Uri Cdn { get; internal set; } = null!;

    /// <summary>The absolute address of a path on an origin.</summary>
    public static Uri Combine(Uri origin, string pathAndQuery) =>
        new(origin.GetLeftPart(UriPartial.Authority) + "/" + pathAndQuery.TrimStart('/'));
}

/// <summary>The three origins, named as the request log names them.</summary>
public enum OriginName
{
    Civitai,
    HuggingFace,
    Cdn,
}
