using System.Collections.Concurrent;

namespace ModelHub.Settings;

/// <summary>Tokens given for the current session (Connect-Hub); they win over the environment and persisted tokens.</summary>
public sealed class SessionTokens
{
    private readonly ConcurrentDictionary<Hub, string> _tokens = new();

    public void Set(Hub hub, string token) => _tokens[hub] = token;

    public bool Remove(Hub hub) => _tokens.TryRemove(hub, out _);

    public string? Get(Hub hub) => _tokens.TryGetValue(hub, out var token) ? token : null;
}
