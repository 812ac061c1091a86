using System;
using System.Text.Json;

namespace ModelHub.Images;

/// <summary>
/// Reads an image's generation metadata whatever wrote it: A1111 ("Negative prompt", "CFG scale", numbers as text),
/// Civitai's generator (civitaiResources), ComfyUI (64-bit seeds, a prompt graph in <c>comfy</c> or <c>prompt</c>).
/// Keys written at the top level win; the ComfyUI graph fills what they leave out.
/// </summary>
internal static class GenerationMetaReader
{
    /// <summary>The settings in a metadata object; <see cref="GenerationParameters.None"/> for anything that is not one.</summary>
    public static GenerationParameters Read(JsonElement meta)
    {
        if (meta.ValueKind != JsonValueKind.Object)
        {
            return GenerationParameters.None;
        }

        var fields = new MetaFields(meta);

        // ComfyUI writes its prompt graph as "prompt"; Civitai keeps { prompt: graph, workflow } as a JSON string in "comfy".
        var promptGraph = fields.Find("prompt") is { } prompt ? EmbeddedObject(prompt) : null;
        var comfyGraph = fields.Find("comfy") is { } comfy && EmbeddedObject(comfy) is { } saved && saved.TryGetProperty("prompt", out var graphOfComfy)
            ? EmbeddedObject(graphOfComfy)
            : null;
        var graph = ComfyGraph.Read(comfyGraph ?? promptGraph ?? default);
        var listed = MetaResources.Read(fields);
        return new GenerationParameters
        {
            Prompt = (promptGraph is null ? fields.Text("prompt") : null) ?? graph.Prompt,
            NegativePrompt = fields.Text("negativeprompt") ?? graph.NegativePrompt,
            Seed = fields.Unsigned("seed") ?? graph.Seed,
            Steps = fields.Whole("steps") ?? graph.Steps,
            Sampler = fields.Text("sampler", "samplername") ?? graph.Sampler,
            CfgScale = fields.Real("cfgscale", "cfg") ?? graph.CfgScale,
            Model = fields.Text("model", "ckptname") ?? graph.Model,
            Resources = listed.Count > 0 ? listed : graph.Resources,
            Meta = PlainJson.Parse(meta.GetRawText()),
        };
    }

    /// <summary>A JSON object given as itself or as JSON text in a string; null for anything else (a prompt that merely starts with "{").</summary>
    private static JsonElement? EmbeddedObject(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || !text.TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            // Cloned, so the element outlives the document parsed here.
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
