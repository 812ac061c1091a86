using System.Collections.Generic;
using System.IO;
using ModelHub.Library;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Library;

public sealed class SafetensorsHeaderTests
{
    [Theory]
    [InlineData("ss_network_module", "lycoris.kohya", "ss_base_model_version", "sd_v1", ModelType.LyCORIS, "SD 1.5")]
    [InlineData("ss_network_module", "networks.lora", "ss_sd_model_name", "ponyDiffusionV6XL.safetensors", ModelType.LoRA, "Pony")]
    [InlineData("modelspec.architecture", "stable-diffusion-xl-v1-base", "modelspec.title", "My XL", ModelType.Checkpoint, "SDXL")]
    [InlineData("modelspec.architecture", "stable-diffusion-v1/textual-inversion", "ss_v2", "False", ModelType.TextualInversion, "SD 1.5")]
    public void Metadata_names_the_type_and_family(string key1, string value1, string key2, string value2, ModelType type, string family)
    {
        using var folder = new TempFolder();
        var path = Write(folder, new Dictionary<string, string> { [key1] = value1, [key2] = value2 }, "weight");

        var facts = SafetensorsHeader.Read(path, new ContentCounter());

        Assert.Equal((type, family), (facts!.Type, facts.BaseModel));
    }

    [Theory]
    [InlineData(ModelType.LoRA, "lora_unet_down_blocks_0.lora_down.weight", "lora_unet_down_blocks_0.lora_up.weight")]
    [InlineData(ModelType.TextualInversion, "clip_l", "clip_g")]
    [InlineData(ModelType.Checkpoint, "model.diffusion_model.input_blocks.0.0.weight", "first_stage_model.decoder.conv_in.weight")]
    public void Without_metadata_the_tensor_names_tell_the_type(ModelType type, string tensor1, string tensor2)
    {
        using var folder = new TempFolder();

        var facts = SafetensorsHeader.Read(Write(folder, null, tensor1, tensor2), new ContentCounter());

        Assert.Equal(type, facts!.Type);
    }

    [Fact]
    public void Only_the_header_bytes_are_read()
    {
        using var folder = new TempFolder();
        var path = Write(folder, new Dictionary<string, string> { ["ss_network_module"] = "networks.lora" }, "weight");
        var counter = new ContentCounter();

        SafetensorsHeader.Read(path, counter);

        var headerLength = System.BitConverter.ToInt64(File.ReadAllBytes(path), 0);
        Assert.Equal(8 + headerLength, counter.Bytes);
        Assert.True(new FileInfo(path).Length > counter.Bytes + 50_000);
    }

    [Theory]
    [InlineData("model.ckpt", new byte[] { 0x50, 0x4B, 3, 4 })]
    [InlineData("short.safetensors", new byte[] { 1, 2, 3 })]
    [InlineData("huge.safetensors", new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, (byte)'{', (byte)'}' })]
    [InlineData("garbage.safetensors", new byte[] { 4, 0, 0, 0, 0, 0, 0, 0, (byte)'n', (byte)'o', (byte)'p', (byte)'e' })]
    public void A_file_without_a_valid_header_says_nothing(string name, byte[] content)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, name);
        File.WriteAllBytes(path, content);

        Assert.Null(SafetensorsHeader.Read(path, new ContentCounter()));
    }

    private static string Write(TempFolder folder, IDictionary<string, string>? metadata, params string[] tensors)
    {
        var path = Path.Combine(folder.Path, "model.safetensors");
        File.WriteAllBytes(path, LibraryHarness.SafetensorsBytes(64 * 1024, metadata, tensors, "seed"));
        return path;
    }
}
