using System;
using System.IO;
using ModelHub.Errors;
using ModelHub.Manifests;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Manifests;

public sealed class ToolRootPathsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Root => Path.Combine(_folder.Path, "ComfyUI");

    [Theory]
    [InlineData("models/loras/a.safetensors")]
    [InlineData("models\\loras\\a.safetensors")]
    public void A_relative_path_of_plain_names_resolves_inside_the_root(string relative) =>
        Assert.Equal(Path.Combine(Root, "models", "loras", "a.safetensors"), ToolRootPaths.Resolve(Root, relative, "m.json"));

    [Theory]
    [InlineData("../a.safetensors", "climbs")]
    [InlineData("models/../../a.safetensors", "climbs")]
    [InlineData("models/./a.safetensors", "climbs")]
    [InlineData("models//a.safetensors", "climbs")]
    [InlineData("/etc/a.safetensors", "absolute")]
    [InlineData("\\\\server\\share\\a.safetensors", "absolute")]
    [InlineData("C:/a.safetensors", "absolute")]
    [InlineData("models/loras/a.safetensors:stream", "absolute")]
    [InlineData("models/CON/a.safetensors", "'CON'")]
    [InlineData("models/a|b.safetensors", "'a|b.safetensors'")]
    [InlineData("", "absolute")]
    public void A_path_that_could_lead_outside_is_refused_and_says_why(string relative, string reason)
    {
        var error = Assert.Throws<ModelHubException>(() => ToolRootPaths.Resolve(Root, relative, "m.json"));

        Assert.Equal(ErrorIds.TargetOutsideToolRoot, error.ErrorId);
        Assert.Equal(HubErrorCategory.SecurityError, error.Category);
        Assert.Contains("m.json", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_link_on_the_way_is_refused_even_when_what_it_points_to_is_missing()
    {
        var outside = Path.Combine(_folder.Path, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateDirectory(Path.Combine(Root, "models"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "models", "loras"), outside);
        File.CreateSymbolicLink(Path.Combine(Root, "models", "dangling.safetensors"), Path.Combine(outside, "missing"));

        foreach (var relative in new[] { "models/loras/a.safetensors", "models/dangling.safetensors" })
        {
            var error = Assert.Throws<ModelHubException>(() => ToolRootPaths.Resolve(Root, relative, "m.json"));
            Assert.Equal(ErrorIds.TargetOutsideToolRoot, error.ErrorId);
            Assert.Contains("link", error.Message);
        }
    }

    [Fact]
    public void Relative_gives_forward_slashes_inside_the_root_and_null_outside()
    {
        Assert.Equal("models/loras/a.safetensors", ToolRootPaths.Relative(Root, Path.Combine(Root, "models", "loras", "a.safetensors")));
        Assert.Null(ToolRootPaths.Relative(Root, Path.Combine(_folder.Path, "ComfyUI-other", "a.safetensors")));
        Assert.Null(ToolRootPaths.Relative(Root, Root));
    }
}
