using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace ModelHub.PowerShell.Cmdlets.Base;

/// <summary>The cmdlets that act on installed models: piped InstalledModel objects, or paths (an InstallResult's Path binds by property name).</summary>
public abstract class InstalledPathCmdlet : ModelHubCmdlet
{
    private protected const string InputSet = "InputObject";
    private protected const string PathSet = "Path";

    /// <summary>Installed models (Get-InstalledHubModel's output).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
    public InstalledModel[]? InputObject { get; set; }

    /// <summary>Model files or diffusers folders.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>The installed paths this call names, resolved against the current location.</summary>
    private protected IEnumerable<string> InstalledPaths() =>
        (InputObject?.Where(model => model is not null).Select(model => model.Path) ?? Path ?? Enumerable.Empty<string>())
            .Select(GetUnresolvedProviderPathFromPSPath);
}
