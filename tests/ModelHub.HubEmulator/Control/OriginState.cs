namespace ModelHub.HubEmulator.Control;

/// <summary>What one origin keeps: its request log and its fault rules.</summary>
public sealed class OriginState
{
    public OriginState(OriginName name)
    {
        Name = name;
    }

    public OriginName Name { get; }

    /// <summary>The origin's name in the request log: civitai, huggingface, cdn.</summary>
    public string LogName => Name.ToString().ToLowerInvariant();

    public RequestLog Log { get; } = new();

    public FaultRules Faults { get; } = new();
}
