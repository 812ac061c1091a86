using ModelHub.Http;

namespace ModelHub.Discovery;

/// <summary>What a caller adds to each hub call: its own token (if any) and where to report HTTP activity.</summary>
public sealed record HubCallOptions
{
    public static HubCallOptions Default { get; } = new();

    /// <summary>A token given to the command, which wins over the session's and the environment's.</summary>
    public string? Token { get; init; }

    public IHubHttpTrace? Trace { get; init; }
}
