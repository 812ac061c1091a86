using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ModelHub.Library;

/// <summary>What a safetensors header says about a model nobody else knows.</summary>
internal sealed record HeaderFacts
{
    public ModelType? Type { get; init; }

    public string? BaseModel { get; init; }

    /// <summary>modelspec.title, else kohya's ss_output_name.</summary>
    public string? Title { get; init; }
}

/// <summary>
/// Reads only a safetensors file's header: 8 bytes of little-endian length, then that many bytes of JSON whose
/// __metadata__ may hold kohya's training keys (ss_network_module, ss_base_model_version, ss_sd_model_name, ss_output_name)
/// and the Stability modelspec (modelspec.architecture, modelspec.title). Tensor names tell a LoRA or an embedding
/// apart when the metadata says nothing.
/// </summary>
internal static class SafetensorsHeader
{
    /// <summary>The format's own limit on a header (safetensors refuses larger ones).</summary>
    private const long MaxHeaderBytes = 100L * 1024 * 1024;

    private const int LengthBytes = 8;

    /// <summary>modelspec.architecture prefixes and the families they are (the part before "/" names the base).</summary>
    private static readonly (string Prefix, string Family)[] Architectures =
    {
        ("stable-diffusion-xl", "SDXL"),
        ("stable-diffusion-v1", "SD 1.5"),
        ("stable-diffusion-v2", "SD 2.x"),
        ("stable-diffusion-v3", "SD 3.x"),
        ("stable-diffusion-3", "SD 3.x"),
        ("flux-1", "Flux.1"),
        ("flux-2", "Flux.2"),
        ("stable-cascade", "Stable Cascade"),
        ("pixart", "PixArt"),
        ("hunyuan", "Hunyuan"),
    };

    /// <summary>Words in kohya's ss_sd_model_name (the base checkpoint trained on) that name a family.</summary>
    private static readonly (string Word, string Family)[] TrainedOn =
    {
        ("illustrious", "Illustrious"),
        ("noobai", "NoobAI"),
        ("pony", "Pony"),
        ("flux", "Flux.1"),
        ("sd_xl", "SDXL"),
        ("sdxl", "SDXL"),
        ("v1-5", "SD 1.5"),
        ("v1.5", "SD 1.5"),
        ("sd15", "SD 1.5"),
        ("v2-1", "SD 2.x"),
    };

    public static bool IsSafetensors(string path) =>
        path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".sft", StringComparison.OrdinalIgnoreCase);

    /// <summary>The header's facts; null when the file is not a safetensors file or its header is not valid. Counts the bytes read.</summary>
    public static HeaderFacts? Read(string path, ContentCounter counter)
    {
        if (!IsSafetensors(path))
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var prefix = new byte[LengthBytes];
        if (ReadFully(stream, prefix, counter) < LengthBytes)
        {
            return null;
        }

        var length = 0L;
        for (var index = LengthBytes - 1; index >= 0; index--)
        {
            length = (length << 8) | prefix[index];
        }

        if (length < 2 || length > MaxHeaderBytes || length > stream.Length - LengthBytes)
        {
            return null;
        }

        var header = new byte[length];
        if (ReadFully(stream, header, counter) < length)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(header);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Facts(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HeaderFacts Facts(JsonElement header)
    {
        var metadata = header.TryGetProperty("__metadata__", out var found) && found.ValueKind == JsonValueKind.Object ? found : default;
        string? Meta(string name) =>
            metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

        var architecture = Meta("modelspec.architecture");
        var title = Meta("modelspec.title") ?? Meta("ss_output_name");
        return new HeaderFacts
        {
            Type = TypeOfNetwork(Meta("ss_network_module")) ?? TypeOfArchitecture(architecture) ?? TypeOfTensors(header),
            BaseModel = Known(BaseModels.FromKohya(Meta("ss_base_model_version")))
                ?? FamilyOfArchitecture(architecture)
                ?? (Meta("ss_v2") == "True" ? "SD 2.x" : null)
                ?? FamilyTrainedOn(Meta("ss_sd_model_name")),
            Title = title,
        };
    }

    private static string? Known(string family) => family == BaseModels.Unknown ? null : family;

    /// <summary>kohya's network module: networks.lora (and dylora, oft) are LoRAs; lycoris.kohya a LyCORIS.</summary>
    private static ModelType? TypeOfNetwork(string? module) => module switch
    {
        null => null,
        _ when module.StartsWith("lycoris", StringComparison.OrdinalIgnoreCase) => ModelType.LyCORIS,
        _ when module.StartsWith("networks.", StringComparison.OrdinalIgnoreCase) => ModelType.LoRA,
        _ => null,
    };

    /// <summary>modelspec.architecture is "&lt;base&gt;" for a checkpoint, "&lt;base&gt;/&lt;kind&gt;" for an adapter.</summary>
    private static ModelType? TypeOfArchitecture(string? architecture)
    {
        if (architecture is null)
        {
            return null;
        }

        var kind = architecture.Contains("/") ? architecture.Substring(architecture.IndexOf('/') + 1) : null;
        return kind switch
        {
            null => ModelType.Checkpoint,
            "lora" => ModelType.LoRA,
            "lycoris" => ModelType.LyCORIS,
            "textual-inversion" => ModelType.TextualInversion,
            "vae" => ModelType.VAE,
            "controlnet" => ModelType.ControlNet,
            _ => null,
        };
    }

    private static string? FamilyOfArchitecture(string? architecture) =>
        architecture is null ? null : Architectures.FirstOrDefault(known => architecture.StartsWith(known.Prefix, StringComparison.OrdinalIgnoreCase)).Family;

    private static string? FamilyTrainedOn(string? checkpoint) =>
        checkpoint is null ? null : TrainedOn.FirstOrDefault(known => checkpoint.IndexOf(known.Word, StringComparison.OrdinalIgnoreCase) >= 0).Family;

    /// <summary>LoRA weights are named lora_down/lora_up (kohya) or lora_A/lora_B (PEFT); A1111 embeddings hold emb_params, SDXL ones clip_l and clip_g.</summary>
    private static ModelType? TypeOfTensors(JsonElement header)
    {
        var names = header.EnumerateObject().Select(tensor => tensor.Name).Where(name => name != "__metadata__").ToList();
        if (names.Any(name => name.Contains("lora_down") || name.Contains("lora_up") || name.Contains("lora_A") || name.Contains("lora_B")))
        {
            return ModelType.LoRA;
        }

        if (names.Count > 0 && names.All(name => name is "emb_params" or "clip_l" or "clip_g" or "string_to_param"))
        {
            return ModelType.TextualInversion;
        }

        return names.Any(name => name.StartsWith("model.diffusion_model.", StringComparison.Ordinal)) ? ModelType.Checkpoint : null;
    }

    private static int ReadFully(Stream stream, byte[] buffer, ContentCounter counter)
    {
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        counter.Add(total);
        return total;
    }
}
