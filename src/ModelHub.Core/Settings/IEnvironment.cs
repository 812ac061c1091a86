namespace ModelHub.Settings;

/// <summary>What the settings are read from: environment variables and the user's folders. A seam for tests.</summary>
public interface IEnvironment
{
    /// <summary>The variable's value, or null when it is unset.</summary>
    string? GetVariable(string name);

    /// <summary>The user's home folder (~).</summary>
    string UserHome { get; }

    /// <summary>The platform's per-user data folder (%LOCALAPPDATA%, ~/.local/share, ~/Library/Application Support).</summary>
    string UserDataFolder { get; }

    /// <summary>Whether the platform names its per-user folders in PascalCase (Windows, macOS).</summary>
    bool UsesPascalCaseFolders { get; }
}
