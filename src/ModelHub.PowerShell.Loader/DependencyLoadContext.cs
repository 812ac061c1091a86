using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace ModelHub.PowerShell.Loader;

/// <summary>
/// The load context of the engine (ModelHub.Core) and its dependencies, all from the module's
/// dependencies/ folder, so another module's copy of Microsoft.Extensions.*, Polly or System.Text.Json
/// can neither break ModelHub nor be broken by it.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _folder;
    private readonly ConcurrentDictionary<string, bool> _frameworkServes = new(StringComparer.OrdinalIgnoreCase);

    public DependencyLoadContext(string folder)
        : base("ModelHub", isCollectible: false)
    {
        _folder = folder;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(_folder, assemblyName.Name + ".dll");
        if (!File.Exists(path) || FrameworkServes(assemblyName))
        {
            // Not ours, or the runtime's own copy is recent enough: the default context serves it,
            // so base types such as System.Text.Json exist once.
            return null;
        }

        return LoadFromAssemblyPath(path);
    }

    private bool FrameworkServes(AssemblyName requested) =>
        _frameworkServes.GetOrAdd(requested.Name!, name =>
        {
            var frameworkCopy = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), name + ".dll");
            return File.Exists(frameworkCopy) && AssemblyName.GetAssemblyName(frameworkCopy).Version >= requested.Version;
        });
}
