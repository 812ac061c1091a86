namespace ModelHub.Settings;

/// <summary>Where a setting came from, when it did not come from a named variable or file.</summary>
public static class SettingSources
{
    public const string Default = "Default";
    public const string None = "None";
    public const string Parameter = "Parameter";
    public const string Session = "Session";
}
