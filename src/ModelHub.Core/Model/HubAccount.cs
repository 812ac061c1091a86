namespace ModelHub;

/// <summary>The account a token belongs to, as Connect-Hub found it (PSTypeName ModelHub.HubAccount). Never the token.</summary>
public sealed class HubAccount
{
    public Hub Hub { get; init; }

    public string UserName { get; init; } = string.Empty;

    /// <summary>Where the token is kept: the session only, or also this file.</summary>
    public string? TokenFile { get; init; }

    public override string ToString() => $"{Hub}:{UserName}";
}
