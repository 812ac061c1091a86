using System;
using System.Linq;
using System.Text.Json;

namespace ModelHub.Images;

/// <summary>
/// The settings a ComfyUI prompt graph (API format: node id → { class_type, inputs }) states reliably: the
/// sampler node's seed, steps, cfg and sampler name, the prompt texts its positive and negative inputs link to, the
/// checkpoint loaded and the LoRAs applied. Values fed by links to other nodes are not guessed at.
/// </summary>
internal static class ComfyGraph
{
    /// <summary>The graph's settings; <see cref="GenerationParameters.None"/> for JSON that is not a prompt graph.</summary>
    public static GenerationParameters Read(JsonElement graph)
    {
        if (graph.ValueKind != JsonValueKind.Object)
        {
            return GenerationParameters.None;
        }

        var nodes = graph.EnumerateObject()
            .Where(node => ClassType(node.Value).Length > 0)
            .ToArray();

        // A graph may sample more than once (hires passes): the first sampler in the graph stands for the image.
        var samplerNodeInputs = Inputs(nodes.FirstOrDefault(node => ClassType(node.Value).StartsWith("KSampler", StringComparison.Ordinal)).Value);
        var samplerSettings = new MetaFields(samplerNodeInputs);
        var inputsOfAll = nodes.Select(node => new MetaFields(Inputs(node.Value))).ToArray();
        return new GenerationParameters
        {
            Prompt = LinkedText(graph, samplerNodeInputs, "positive"),
            NegativePrompt = LinkedText(graph, samplerNodeInputs, "negative"),
            Seed = samplerSettings.Unsigned("seed", "noiseseed"),
            Steps = samplerSettings.Whole("steps"),
            Sampler = samplerSettings.Text("samplername"),
            CfgScale = samplerSettings.Real("cfg"),
            Model = inputsOfAll.Select(inputs => inputs.Text("ckptname")).FirstOrDefault(name => name is not null)
                ?? inputsOfAll.Select(inputs => inputs.Text("unetname")).FirstOrDefault(name => name is not null),
            Resources = inputsOfAll
                .Where(inputs => inputs.Text("loraname") is not null)
                .Select(inputs => new ImageResource { Name = inputs.Text("loraname"), Type = "lora", Weight = inputs.Real("strengthmodel") })
                .ToArray(),
        };
    }

    private static string ClassType(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("class_type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : string.Empty;

    private static JsonElement Inputs(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("inputs", out var inputs) ? inputs : default;

    /// <summary>The text of the node an input links to ([node id, output index]), when that node holds it as a literal.</summary>
    private static string? LinkedText(JsonElement graph, JsonElement inputs, string input)
    {
        if (inputs.ValueKind != JsonValueKind.Object
            || !inputs.TryGetProperty(input, out var link)
            || link.ValueKind != JsonValueKind.Array
            || link.GetArrayLength() == 0
            || MetaValue.Id(link[0]) is not { } nodeId
            || !graph.TryGetProperty(nodeId, out var node))
        {
            return null;
        }

        return new MetaFields(Inputs(node)).Text("text");
    }
}
