using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.HubEmulator.HuggingFace;
using Xunit;
using Xunit.Abstractions;

namespace ModelHub.HubEmulator.Tests.HuggingFace;

/// <summary>
/// Generated records have the recorded shapes: every field of the recorded sample is present with the same JSON
/// type, per endpoint. The only fields left out are those the sample has for a reason the generated repo lacks,
/// each named with the reason.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class HfShapeTests
{
    private readonly EmulatorFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly HfRequests _hf;

    public HfShapeTests(EmulatorFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        _hf = new HfRequests(fixture.Http, fixture.Origins);
    }

    [Theory]
    [InlineData(HfRepoIds.ExamplePipeline, "model-info-stabilityai--stable-diffusion-2-1.json", "")]
    [InlineData(HfRepoIds.ExampleCheckpoint, "model-info-stabilityai--stable-diffusion-2-1.json", "config")]
    [InlineData(HfRepoIds.ExampleLora, "model-info-stabilityai--stable-diffusion-2-1.json", "config")]
    [InlineData(HfRepoIds.ExampleNamedLora, "model-info-stabilityai--stable-diffusion-2-1.json", "config")]
    [InlineData(HfRepoIds.GatedManual, "model-info-gated-meta-llama--Meta-Llama-3-8B-Instruct.json", "transformersInfo widgetData")]
    public async Task Generated_model_info_has_every_field_of_the_recorded_sample(string repo, string sample, string absentForAReason)
    {
        // config: single-file and LoRA repos have no config.json or model_index.json to derive it from.
        // transformersInfo: transformers models only. widgetData: the pipeline's card has no widget.
        if (Recorded(sample) is not { } recorded)
        {
            return;
        }

        AssertSameShape(recorded, await _hf.JsonAsync($"/api/models/{repo}"), "$", absentForAReason.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Generated_tree_entries_have_every_field_of_the_recorded_entries()
    {
        if (Recorded("tree-expand-google-bert--bert-base-uncased@dd4bc8b2.json") is not { } recorded)
        {
            return;
        }

        var served = (await _hf.JsonAsync($"/api/models/{HfRepoIds.ExampleLora}/tree/main?expand=true")).AsArray();
        var recordedLfs = recorded.AsArray().First(entry => entry!["lfs"] is not null)!;
        var recordedGit = recorded.AsArray().First(entry => entry!["lfs"] is null)!;

        AssertSameShape(recordedLfs, served.First(entry => entry!["lfs"] is not null)!, "$lfs", []);
        AssertSameShape(recordedGit, served.First(entry => entry!["type"]!.GetValue<string>() == "file" && entry["lfs"] is null)!, "$git", []);
    }

    /// <summary>Objects whose keys are the repository's own (card data, configs, parameter counts): only their type is compared.</summary>
    private static readonly string[] FreeForm = ["cardData", "config", "safetensors", "transformersInfo", "model-index", "widgetData"];

    private static void AssertSameShape(JsonNode recorded, JsonNode served, string path, string[] absentForAReason)
    {
        Assert.True(recorded.GetValueKind() == served.GetValueKind(), $"{path} is {served.GetValueKind()}, recorded as {recorded.GetValueKind()}.");
        if (FreeForm.Contains(path[(path.LastIndexOf('.') + 1)..]))
        {
            return;
        }

        if (recorded is JsonObject map)
        {
            foreach (var (key, value) in map.Where(pair => !absentForAReason.Contains(pair.Key)))
            {
                Assert.True(served.AsObject().ContainsKey(key), $"{path}.{key} is missing.");
                if (value is not null && served[key] is not null)
                {
                    AssertSameShape(value, served[key]!, $"{path}.{key}", []);
                }
                else
                {
                    Assert.True(value is null == served[key] is null, $"{path}.{key} is null on one side only.");
                }
            }
        }
        else if (recorded is JsonArray list && list.Count > 0 && served.AsArray().Count > 0 && list[0] is JsonObject)
        {
            AssertSameShape(list[0]!, served[0]!, path + "[0]", []);
        }
    }

    private JsonNode? Recorded(string file)
    {
        var recorded = _fixture.Host.Services.Recorded;
        if (!recorded.IsAvailable)
        {
            _output.WriteLine($"Did not run: no recorded responses were found (set {RecordedResponses.Variable}), so there is no recorded shape to compare with.");
            return null;
        }

        Assert.True(recorded.Exists(Path.Combine("hf", file)), $"hf/{file} is missing from {recorded.Folder}.");
        return JsonNode.Parse(recorded.Read(Path.Combine("hf", file)));
    }
}
