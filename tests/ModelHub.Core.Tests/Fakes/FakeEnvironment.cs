using System.Collections.Generic;
using System.IO;
using ModelHub.Settings;

namespace ModelHub.Tests.Fakes;

/// <summary>An environment made of a dictionary and a temporary home folder.</summary>
internal sealed class FakeEnvironment : IEnvironment
{
    private readonly Dictionary<string, string?> _variables = new();

    public FakeEnvironment(string home)
    {
        UserHome = home;
        UserDataFolder = Path.Combine(home, ".local", "share");
    }

    public string UserHome { get; }

    public string UserDataFolder { get; set; }

    public bool UsesPascalCaseFolders { get; set; }

    public string? this[string name]
    {
        get => _variables.TryGetValue(name, out var value) ? value : null;
        set => _variables[name] = value;
    }

    public string? GetVariable(string name) => this[name];
}
