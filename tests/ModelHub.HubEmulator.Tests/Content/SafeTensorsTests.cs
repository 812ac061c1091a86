using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Content;

public sealed class SafeTensorsTests
{
    private static readonly Dictionary<string, int> ElementSizes = new() { ["F32"] = 4, ["F16"] = 2, ["BF16"] = 2, ["U8"] = 1 };

    [Theory]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(4099)]
    [InlineData(8190)]
    [InlineData(65539)]
    [InlineData(1048577)]
    [InlineData(3145734)]
    [InlineData(17825792)]
    public void GeneratedFilesAreValidSafeTensors(long size)
    {
        var metadata = new Dictionary<string, string> { ["ss_network_module"] = "networks.lora", ["ss_output_name"] = "Café “style” <v2>" };
        var bytes = TestFiles.Read(TestFiles.SafeTensors($"safetensors/{size}", size, metadata));

        var (headerLength, header) = Parse(bytes);

        Assert.Equal(size, bytes.Length);
        Assert.Equal(0, (8 + headerLength) % 8);
        Assert.Equal(metadata, header.GetProperty("__metadata__").EnumerateObject().ToDictionary(item => item.Name, item => item.Value.GetString()!));
        var tensors = header.EnumerateObject().Where(item => item.Name != "__metadata__").Select(item => item.Value).ToArray();
        Assert.NotEmpty(tensors);
        var end = 0L;
        foreach (var tensor in tensors.OrderBy(tensor => tensor.GetProperty("data_offsets")[0].GetInt64()))
        {
            var offsets = tensor.GetProperty("data_offsets").EnumerateArray().Select(offset => offset.GetInt64()).ToArray();
            var elements = tensor.GetProperty("shape").EnumerateArray().Aggregate(1L, (product, dimension) => product * dimension.GetInt64());
            Assert.Equal(end, offsets[0]);
            Assert.Equal(elements * ElementSizes[tensor.GetProperty("dtype").GetString()!], offsets[1] - offsets[0]);
            end = offsets[1];
        }

        Assert.Equal(size - 8 - headerLength, end);
    }

    [Fact]
    public void FilesWithoutMetadataHaveAnEmptyMetadataObject()
    {
        var (_, header) = Parse(TestFiles.Read(TestFiles.SafeTensors("safetensors/no-metadata", 5000)));

        Assert.Equal(JsonValueKind.Object, header.GetProperty("__metadata__").ValueKind);
        Assert.Empty(header.GetProperty("__metadata__").EnumerateObject());
    }

    [Fact]
    public void KohyaMetadataGivesLoraTensorNames()
    {
        var spec = TestFiles.SafeTensors("safetensors/lora", 200_000, new Dictionary<string, string> { ["ss_network_dim"] = "32" });

        var (_, header) = Parse(TestFiles.Read(spec));

        Assert.All(header.EnumerateObject().Where(item => item.Name != "__metadata__"), tensor => Assert.StartsWith("lora_", tensor.Name));
    }

    [Fact]
    public void AFileTooSmallForItsHeaderIsRefused()
    {
        var spec = TestFiles.SafeTensors("safetensors/too-small", 64, new Dictionary<string, string> { ["ss_tag_frequency"] = new string('x', 100) });

        Assert.Throws<InvalidOperationException>(() => TestFiles.Content.Open(spec));
    }

    private static (long HeaderLength, JsonElement Header) Parse(byte[] bytes)
    {
        var headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var json = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);
        Assert.StartsWith("{", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.TrimEnd(' '));
        return (headerLength, document.RootElement.Clone());
    }
}
