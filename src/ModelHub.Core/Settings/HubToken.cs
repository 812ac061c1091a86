namespace ModelHub.Settings;

/// <summary>The token to use for a hub and where it came from. Its text never shows the token.</summary>
public sealed class HubToken
{
    public static readonly HubToken None = new(null, SettingSources.None);

    public HubToken(string? value, string source)
    {
        Value = value;
        Source = source;
    }

    /// <summary>The secret itself; null when there is none. Never log or format it.</summary>
    public string? Value { get; }

    /// <summary>Parameter, Session, a variable name, a token file path, or None.</summary>
    public string Source { get; }

    public bool IsSet => Value is not null;

    public override string ToString() => IsSet ? $"token from {Source}" : "no token";
}
