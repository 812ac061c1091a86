using ModelHub.Downloads;
using Xunit;

namespace ModelHub.Tests.Downloads;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("model.safetensors", "model.safetensors")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
    [InlineData("/absolute/path/lora.safetensors", "lora.safetensors")]
    [InlineData("a:b*c?d\"e<f>g|h.png", "a_b_c_d_e_f_g_h.png")]
    [InlineData("CON.png", "_CON.png")]
    [InlineData("lpt1", "_lpt1")]
    [InlineData("name. ", "name")]
    [InlineData(".hidden", "hidden")]
    [InlineData("tab\there.png", "tab_here.png")]
    public void Keeps_hub_names_inside_the_folder_and_legal_everywhere(string name, string expected) =>
        Assert.Equal(expected, SafeFileName.From(name, "fallback"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../")]
    [InlineData(" . ")]
    public void Falls_back_when_nothing_usable_is_left(string? name) =>
        Assert.Equal("fallback", SafeFileName.From(name, "fallback"));

    [Fact]
    public void Shortens_long_names_and_keeps_the_extension()
    {
        var safe = SafeFileName.From(new string('x', 500) + ".safetensors", "fallback");

        Assert.Equal(200, safe.Length);
        Assert.EndsWith(".safetensors", safe);
    }
}
