using System;
using System.Runtime.InteropServices;

namespace ModelHub.Settings;

/// <summary>The real environment of this process.</summary>
public sealed class ProcessEnvironment : IEnvironment
{
    public static ProcessEnvironment Instance { get; } = new();

    private ProcessEnvironment()
    {
    }

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string UserHome => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public string UserDataFolder => Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);

    public bool UsesPascalCaseFolders => !RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
}
