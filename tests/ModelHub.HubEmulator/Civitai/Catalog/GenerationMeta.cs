using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Generation;
using V = ModelHub.HubEmulator.Civitai.Catalog.GeneratorVocabulary;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>
/// An image's generation parameters as the tools that wrote them do: AUTOMATIC1111 (numbers as text, "Clip skip"),
/// ComfyUI (64-bit seeds up to 2^64−1, a workflow as a JSON string) and Civitai's own generator (civitaiResources).
/// </summary>
internal static class GenerationMeta
{
    public enum Style
    {
        None,
        A1111,
        ComfyUI,
        OnSite,
    }

    /// <summary>What the parameters describe.</summary>
    public sealed record Subject(string TriggerWord, string BaseModel, int Width, int Height, int VersionId, string VersionName, CatalogReferences References);

    public static Style PickStyle(SeededRandom random) => (Style)random.Weighted([10, 45, 30, 15]);

    public static JsonObject? Create(Style style, Subject subject, SeededRandom random) => style switch
    {
        Style.A1111 => A1111(subject, random),
        Style.ComfyUI => Comfy(subject, random),
        Style.OnSite => OnSite(subject, random),
        _ => null,
    };

    private static JsonObject A1111(Subject subject, SeededRandom random)
    {
        var checkpoint = CheckpointName(random);
        var meta = new JsonObject
        {
            ["Size"] = Size(subject),
            ["seed"] = random.Between(0, uint.MaxValue),
            ["Model"] = checkpoint,
            ["steps"] = random.Between(20, 45),
            ["prompt"] = Prompt(subject, random),
            ["sampler"] = random.Pick(V.A1111Samplers),
            ["cfgScale"] = random.Pick([5, 6, 7, 7.5, 8]),
            ["Clip skip"] = random.Pick(["1", "2"]),
            ["Model hash"] = random.Hex(10),
            ["negativePrompt"] = random.Pick(V.NegativePrompts),
        };
        if (random.Chance(0.5))
        {
            meta["Hires upscale"] = random.Pick(["1.5", "2"]);
            meta["Hires upscaler"] = random.Pick(V.Upscalers);
            meta["Denoising strength"] = random.Pick(["0.35", "0.4", "0.5", "0.55"]);
        }

        if (random.Chance(0.3))
        {
            meta["ENSD"] = "31337";
        }

        meta["resources"] = new JsonArray(new JsonObject
        {
            ["name"] = subject.TriggerWord,
            ["type"] = "lora",
            ["weight"] = random.Pick([0.6, 0.8, 1]),
            ["hash"] = random.Hex(12),
        });
        meta["hashes"] = new JsonObject { ["model"] = random.Hex(10) };
        return meta;
    }

    private static JsonObject Comfy(Subject subject, SeededRandom random)
    {
        // ComfyUI seeds are unsigned 64-bit: most exceed 2^53, half exceed 2^63; written as plain JSON numbers.
        var seed = random.Chance(0.1) ? ulong.MaxValue : random.NextULong();
        var steps = random.Between(20, 40);
        var cfg = random.Pick([1, 3.5, 4.5, 6]);
        var checkpoint = CheckpointName(random);
        var workflow = new JsonObject
        {
            ["3"] = new JsonObject
            {
                ["class_type"] = "KSampler",
                ["inputs"] = new JsonObject { ["seed"] = seed, ["steps"] = steps, ["cfg"] = cfg, ["sampler_name"] = "dpmpp_2m", ["scheduler"] = "karras", ["denoise"] = 1 },
            },
            ["4"] = new JsonObject { ["class_type"] = "CheckpointLoaderSimple", ["inputs"] = new JsonObject { ["ckpt_name"] = checkpoint + ".safetensors" } },
        };
        return new JsonObject
        {
            ["Size"] = Size(subject),
            ["seed"] = seed,
            ["Model"] = checkpoint,
            ["steps"] = steps,
            ["hashes"] = new JsonObject { ["model"] = string.Empty },
            ["prompt"] = Prompt(subject, random),
            ["Version"] = "ComfyUI",
            ["sampler"] = random.Pick(V.ComfySamplers),
            ["cfgScale"] = cfg,
            ["clipSkip"] = random.Pick([1, 2]),
            ["resources"] = new JsonArray(),
            ["Model hash"] = string.Empty,
            ["comfy"] = new JsonObject { ["prompt"] = workflow }.ToJsonString(),
        };
    }

    private static JsonObject OnSite(Subject subject, SeededRandom random)
    {
        var resources = new JsonArray(new JsonObject
        {
            ["type"] = "checkpoint",
            ["modelVersionId"] = random.Pick(subject.References.CheckpointVersionIds),
        });
        resources.Add(new JsonObject
        {
            ["type"] = "lora",
            ["weight"] = random.Pick([0.65, 0.8, 1]),
            ["modelVersionId"] = subject.VersionId,
            ["modelVersionName"] = subject.VersionName,
        });
        foreach (var lora in Enumerable.Range(0, random.Between(0, 2)).Select(_ => random.Pick(subject.References.LoraVersionIds)))
        {
            resources.Add(new JsonObject { ["type"] = "lora", ["weight"] = random.Pick([0.5, 0.7, 0.9]), ["modelVersionId"] = lora });
        }

        return new JsonObject
        {
            ["Size"] = Size(subject),
            ["seed"] = random.Between(0, uint.MaxValue),
            ["steps"] = random.Between(20, 40),
            ["prompt"] = Prompt(subject, random),
            ["sampler"] = "Euler a",
            ["cfgScale"] = random.Pick([3.5, 5, 7]),
            ["clipSkip"] = 2,
            ["width"] = subject.Width,
            ["height"] = subject.Height,
            ["baseModel"] = subject.BaseModel,
            ["resources"] = new JsonArray(),
            ["negativePrompt"] = random.Pick(V.NegativePrompts),
            ["civitaiResources"] = resources,
        };
    }

    private static string Size(Subject subject) => string.Create(CultureInfo.InvariantCulture, $"{subject.Width}x{subject.Height}");

    private static string Prompt(Subject subject, SeededRandom random) =>
        string.Join(", ", new[] { subject.TriggerWord, random.Pick(V.PromptSubjects) }.Concat(Enumerable.Range(0, 3).Select(_ => random.Pick(V.PromptQualities))).Distinct());

    private static string CheckpointName(SeededRandom random) =>
        ModelNames.Filenamize(random.Pick(V.CheckpointPrefixes) + " " + random.Pick(V.CheckpointSuffixes)) + "_v" + random.Between(1, 9).ToString(CultureInfo.InvariantCulture) + "0";
}
