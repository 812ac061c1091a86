using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace ModelHub.PowerShell.Loader;

/// <summary>
/// Hooks the default load context so that the cmdlet assembly's reference to ModelHub.Core is served
/// from the module's own load context. Only the engine is redirected; everything else it needs is
/// resolved inside <see cref="DependencyLoadContext"/>.
/// </summary>
public sealed class ModuleLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string EngineAssembly = "ModelHub.Core";

    private static readonly DependencyLoadContext Context =
        new(Path.Combine(Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location)!, "dependencies"));

    public void OnImport()
    {
        // Import-Module -Force runs this again without OnRemove: never hook twice.
        AssemblyLoadContext.Default.Resolving -= ResolveEngine;
        AssemblyLoadContext.Default.Resolving += ResolveEngine;
    }

    public void OnRemove(PSModuleInfo module) => AssemblyLoadContext.Default.Resolving -= ResolveEngine;

    private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName name) =>
        name.Name == EngineAssembly ? Context.LoadFromAssemblyName(name) : null;
}
