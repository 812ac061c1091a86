using ModelHub.Installs;
using Xunit;

namespace ModelHub.Tests.Installs;

/// <summary>PowerShell's -like wildcards, which -FileName and the companion patterns use.</summary>
public sealed class WildcardTests
{
    [Theory]
    [InlineData("*.safetensors", "model.safetensors", true)]
    [InlineData("*.safetensors", "model.safetensors.txt", false)]
    [InlineData("*.SAFETENSORS", "Model.safetensors", true)]
    [InlineData("model-v?", "model-v2", true)]
    [InlineData("model-v?", "model-v10", false)]
    [InlineData("model-v[1-3]", "model-v2", true)]
    [InlineData("model-v[1-3]", "model-v4", false)]
    [InlineData("[ab]*", "beta", true)]
    [InlineData("[ab]*", "gamma", false)]
    [InlineData("a[-]b", "a-b", true)]
    [InlineData("what`?", "what?", true)]
    [InlineData("what`?", "whatx", false)]
    [InlineData("`*star", "*star", true)]
    [InlineData("`*star", "a-star", false)]
    [InlineData("open[bracket", "open[bracket", true)]
    [InlineData("dots.(and).+plus", "dots.(and).+plus", true)]
    [InlineData("dots.(and).+plus", "dotsX(and)X+plus", false)]
    [InlineData("a\\b", "a\\b", true)]
    public void Matches_a_whole_name_as_like_does(string pattern, string name, bool matches) =>
        Assert.Equal(matches, new Wildcard(pattern).IsMatch(name));
}
