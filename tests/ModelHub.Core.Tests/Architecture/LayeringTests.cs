using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NetArchTest.Rules;
using Xunit;

namespace ModelHub.Tests.Architecture;

/// <summary>The layers of docs/ARCHITECTURE.md, enforced: hubs apart, engines hub-neutral, PowerShell only in the cmdlets.</summary>
public sealed class LayeringTests
{
    private const string Civitai = "ModelHub.Hubs.Civitai";
    private const string HuggingFace = "ModelHub.Hubs.HuggingFace";
    private static readonly string[] Engines = { "ModelHub.Cards", "ModelHub.Connections", "ModelHub.Discovery", "ModelHub.Downloads", "ModelHub.Gallery", "ModelHub.Images", "ModelHub.Installs", "ModelHub.Library", "ModelHub.Manifests" };

    [Theory]
    [InlineData(Civitai, HuggingFace)]
    [InlineData(HuggingFace, Civitai)]
    public void One_hubs_code_never_references_the_other_hubs(string hub, string otherHub) =>
        AssertKept(Types.InAssembly(typeof(HubRuntime).Assembly).That().ResideInNamespace(hub).ShouldNot().HaveDependencyOn(otherHub).GetResult());

    public static TheoryData<string> EngineNamespaces => new(Engines);

    [Theory]
    [MemberData(nameof(EngineNamespaces))]
    public void Engines_never_reference_a_hub(string engine) =>
        AssertKept(Types.InAssembly(typeof(HubRuntime).Assembly).That().ResideInNamespace(engine).ShouldNot().HaveDependencyOnAny(Civitai, HuggingFace).GetResult());

    [Fact]
    public void The_core_never_references_PowerShell() =>
        AssertKept(Types.InAssembly(typeof(HubRuntime).Assembly).ShouldNot().HaveDependencyOn("System.Management.Automation").GetResult());

    [Fact]
    public void The_cmdlet_assembly_references_nothing_but_netstandard_PowerShell_and_the_engine()
    {
        // The cmdlet assembly lives in the default load context; only ModelHub.Core is redirected into the
        // module's own context, so any other reference (a dependency's type in a signature) could not load.
        var cmdlets = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "ModelHub.PowerShell", "bin", Configuration, "netstandard2.0", "ModelHub.PowerShell.dll");
        Assert.True(File.Exists(cmdlets), "Build the solution first: " + cmdlets);

        using var stream = File.OpenRead(cmdlets);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).OrderBy(name => name);

        Assert.Equal(new[] { "ModelHub.Core", "netstandard", "System.Management.Automation" }, references);
    }

    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";

    private static void AssertKept(TestResult result) =>
        Assert.True(result.IsSuccessful, "Layering broken by: " + string.Join(", ", result.FailingTypeNames ?? Enumerable.Empty<string>()));
}
