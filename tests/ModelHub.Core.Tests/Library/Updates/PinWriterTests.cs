using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.Library.Updates;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Library.Updates;

public sealed class PinWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_pin_is_set_and_cleared_in_the_record_keeping_every_other_key()
    {
        var model = _folder.Write("lora.safetensors", "weights");
        var record = _folder.Write("lora.modelhub.json", """
            {"schemaVersion":1,"hub":"Civitai","modelId":"1","versionId":"11","pinned":false,"futureKey":{"kept":true}}
            """);

        PinWriter.SetPinned(model, pinned: true);

        var pinned = JsonNode.Parse(File.ReadAllText(record))!.AsObject();
        Assert.Equal(new[] { "schemaVersion", "hub", "modelId", "versionId", "pinned", "futureKey" }, pinned.Select(member => member.Key));
        Assert.True((bool)pinned["pinned"]!);
        Assert.True((bool)pinned["futureKey"]!["kept"]!);
        Assert.True(SidecarWriter.ReadRecord(record)!.Pinned);

        PinWriter.SetPinned(model, pinned: false);

        Assert.False(SidecarWriter.ReadRecord(record)!.Pinned);
        Assert.Equal(new[] { "lora.modelhub.json", "lora.safetensors" }, Directory.EnumerateFiles(_folder.Path).Select(Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal));
    }

    [Fact]
    public void A_model_without_a_record_cannot_be_pinned()
    {
        var model = _folder.Write("found.safetensors", "weights");
        _folder.Write("found.modelhub.json", "not json");

        var error = Assert.Throws<ModelHubException>(() => PinWriter.SetPinned(model, pinned: true));

        Assert.Equal((ErrorIds.InstallRecordNotFound, HubErrorCategory.ObjectNotFound), (error.ErrorId, error.Category));
        Assert.Equal("not json", File.ReadAllText(Path.Combine(_folder.Path, "found.modelhub.json")));
    }
}
