using System;

namespace ModelHub.PowerShell;

/// <summary>The module's one <see cref="HubRuntime"/>: its HTTP clients and session tokens live as long as the process.</summary>
internal static class ModuleRuntime
{
    private static readonly Lazy<HubRuntime> Runtime = new(HubRuntime.ForProcess);

    public static HubRuntime Instance => Runtime.Value;
}
