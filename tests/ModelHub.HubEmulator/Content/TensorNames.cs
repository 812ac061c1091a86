using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelHub.HubEmulator.Content;

/// <summary>Realistic tensor names for a generated safetensors file: kohya LoRA modules, or a Stable Diffusion checkpoint's layers.</summary>
internal sealed class TensorNames
{
    private static readonly string[] LoraModules =
    [
        "lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_q",
        "lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_k",
        "lora_unet_mid_block_attentions_0_transformer_blocks_0_attn2_to_v",
        "lora_te_text_model_encoder_layers_0_self_attn_out_proj",
    ];

    private static readonly string[] CheckpointLayers =
    [
        "model.diffusion_model.input_blocks.0.0.weight",
        "model.diffusion_model.input_blocks.1.0.in_layers.2.weight",
        "model.diffusion_model.middle_block.1.proj_in.weight",
        "model.diffusion_model.output_blocks.2.1.conv.weight",
        "first_stage_model.encoder.down.0.block.0.conv1.weight",
        "first_stage_model.decoder.conv_in.weight",
        "cond_stage_model.transformer.text_model.embeddings.token_embedding.weight",
        "cond_stage_model.transformer.text_model.final_layer_norm.weight",
    ];

    private readonly Func<int, string> _name;

    private TensorNames(Func<int, string> name)
    {
        _name = name;
    }

    /// <summary>LoRA names when the metadata is kohya's (ss_*) or says so (modelspec.architecture …/lora); else checkpoint names.</summary>
    public static TensorNames For(IReadOnlyDictionary<string, string>? metadata)
    {
        var isLora = metadata is not null && (metadata.Keys.Any(key => key.StartsWith("ss_", StringComparison.Ordinal))
            || (metadata.TryGetValue("modelspec.architecture", out var architecture) && architecture.EndsWith("/lora", StringComparison.OrdinalIgnoreCase)));
        return isLora
            ? new TensorNames(i => LoraModules[i / 2 % LoraModules.Length] + (i % 2 == 0 ? ".lora_down.weight" : ".lora_up.weight"))
            : new TensorNames(i => CheckpointLayers[i % CheckpointLayers.Length]);
    }

    /// <summary>The name of tensor <paramref name="index"/> (0 to 7: names are unique in that range).</summary>
    public string Name(int index) => _name(index);
}
