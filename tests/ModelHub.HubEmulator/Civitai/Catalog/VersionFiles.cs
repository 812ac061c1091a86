using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ModelHub.HubEmulator.Content;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>
/// The files of a generated version, by model type: weights (SafeTensor or PickleTensor, fp16/fp32, full/pruned),
/// pruned copies, VAEs, configs, training data, negative embeddings; small, except a few larger ones.
/// </summary>
internal static class VersionFiles
{
    private const long KiB = 1024;
    private const long MiB = 1024 * KiB;

    private const string PickleMessageHalf = "**Detected Pickle imports (3)**\n```\ncollections.OrderedDict\ntorch.HalfStorage\ntorch._utils._rebuild_tensor_v2\n```";
    private const string PickleMessageFloat = "**Detected Pickle imports (3)**\n```\ncollections.OrderedDict\ntorch.FloatStorage\ntorch._utils._rebuild_tensor_v2\n```";

    /// <summary>What a version's files are made from.</summary>
    public sealed record Request(ModelPlan Plan, string ModelName, string VersionName, int VersionIndex, string BaseModel, string TriggerWord, DateTimeOffset CreatedAt, ulong Seed);

    public static IReadOnlyList<CatalogFile> Generate(Request request, SeededRandom random)
    {
        var drafts = Drafts(request, random);
        var primary = Enumerable.Range(0, drafts.Count).MaxBy(index => FilePreference.Score(drafts[index].Type, drafts[index].Format, drafts[index].SizeKind, drafts[index].Precision));
        var files = new List<CatalogFile>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var id = request.Plan.Ids.File(request.VersionIndex, i);
            var name = draft.Stem + draft.Extension;
            files.Add(new CatalogFile
            {
                Id = id,
                Spec = Spec(id, draft, request),
                Name = name,
                Type = draft.Type,
                Format = draft.Format,
                SizeKind = draft.SizeKind,
                Precision = draft.Precision,
                Primary = i == primary,
                HashKinds = HashKindsFor(draft, request.Plan, i == primary, random),
                ScannedAt = request.CreatedAt.AddMinutes(3 + i).AddMilliseconds(random.Between(0, 999)),
                PickleScanMessage = Layout(draft.Extension) != FileLayout.Pickle ? "No Pickle imports" : draft.Precision == "fp32" ? PickleMessageFloat : PickleMessageHalf,
            });
        }

        return files;
    }

    private static List<Draft> Drafts(Request request, SeededRandom random)
    {
        var plan = request.Plan;
        var stem = ModelNames.Filenamize(request.ModelName) + "_" + ModelNames.Filenamize(request.VersionName);
        var drafts = new List<Draft>();
        switch (plan.Type)
        {
            case "Checkpoint":
                drafts.Add(new Draft("Model", "SafeTensor", "full", "fp16", stem, ".safetensors", plan.PrimaryFileSize ?? WeightsSize(random, 2 * MiB, 8 * MiB)) { Declared = plan.PrimaryFileHashes });
                if (plan.PrimaryFileSize is null)
                {
                    AddSometimes(drafts, random, 0.5, new Draft("Pruned Model", "SafeTensor", "pruned", "fp16", stem + "Pruned", ".safetensors", random.LogUniform(1 * MiB, 4 * MiB)));
                    AddSometimes(drafts, random, 0.2, new Draft("Model", "PickleTensor", "full", "fp32", stem, ".ckpt", random.LogUniform(2 * MiB, 8 * MiB)));
                    AddSometimes(drafts, random, 0.1, new Draft("VAE", "SafeTensor", null, null, stem + "Vae", ".safetensors", random.LogUniform(512 * KiB, 4 * MiB)));
                }

                AddSometimes(drafts, random, plan.PrimaryFileSize is null ? 0.15 : 1, Config(stem, random));
                break;
            case "LORA" or "LoCon" or "DoRA":
                var upload = ModelNames.UploadStem(request.ModelName, request.VersionName);
                drafts.Add(new Draft("Model", "SafeTensor", null, random.Pick<string?>([null, "fp16", "bf16"]), upload, ".safetensors", random.LogUniform(128 * KiB, 2 * MiB)));
                AddSometimes(drafts, random, 0.05, new Draft("Model", "PickleTensor", null, "fp16", upload, ".pt", random.LogUniform(128 * KiB, 2 * MiB)));
                AddSometimes(drafts, random, 0.25, TrainingData(stem, random));
                break;
            case "TextualInversion":
                var (format, extension) = random.Chance(0.7) ? ("PickleTensor", ".pt") : ("SafeTensor", ".safetensors");
                drafts.Add(new Draft("Model", format, "full", "fp16", request.TriggerWord, extension, random.LogUniform(8 * KiB, 64 * KiB)));
                AddSometimes(drafts, random, 0.2, new Draft("Negative", format, "full", "fp16", request.TriggerWord + "-neg", extension, random.LogUniform(8 * KiB, 64 * KiB)));
                break;
            case "VAE":
                drafts.Add(new Draft("Model", "SafeTensor", null, "fp16", stem, ".safetensors", random.LogUniform(512 * KiB, 4 * MiB)));
                AddSometimes(drafts, random, 0.3, new Draft("Model", "PickleTensor", null, "fp32", stem, ".pt", random.LogUniform(512 * KiB, 4 * MiB)));
                break;
            case "Controlnet":
                drafts.Add(new Draft("Model", "SafeTensor", null, "fp16", stem, ".safetensors", WeightsSize(random, 1 * MiB, 6 * MiB)));
                AddSometimes(drafts, random, 0.2, Config(stem, random));
                break;
            case "Upscaler":
                drafts.Add(random.Chance(0.7)
                    ? new Draft("Model", "PickleTensor", null, null, request.ModelName, ".pth", random.LogUniform(256 * KiB, 2 * MiB))
                    : new Draft("Model", "SafeTensor", null, null, request.ModelName, ".safetensors", random.LogUniform(256 * KiB, 2 * MiB)));
                break;
            case "Hypernetwork":
                drafts.Add(new Draft("Model", "PickleTensor", null, null, stem, ".pt", random.LogUniform(256 * KiB, 4 * MiB)));
                break;
            case "MotionModule":
                drafts.Add(random.Chance(0.6)
                    ? new Draft("Model", "SafeTensor", null, "fp16", stem, ".safetensors", random.LogUniform(256 * KiB, 4 * MiB))
                    : new Draft("Model", "PickleTensor", null, "fp16", stem, ".ckpt", random.LogUniform(256 * KiB, 4 * MiB)));
                break;
            default:
                drafts.Add(random.Chance(0.5)
                    ? new Draft("Archive", "Other", null, null, stem, ".zip", random.LogUniform(64 * KiB, 1 * MiB))
                    : new Draft("Model", "SafeTensor", null, null, stem, ".safetensors", random.LogUniform(128 * KiB, 2 * MiB)));
                break;
        }

        return drafts;
    }

    /// <summary>Weights in the given range, except a few in 16–32 MiB.</summary>
    private static long WeightsSize(SeededRandom random, long min, long max) =>
        random.Chance(0.03) ? random.LogUniform(16 * MiB, 32 * MiB) : random.LogUniform(min, max);

    private static void AddSometimes(List<Draft> drafts, SeededRandom random, double probability, Draft draft)
    {
        if (random.Chance(probability))
        {
            drafts.Add(draft);
        }
    }

    private static Draft TrainingData(string stem, SeededRandom random) =>
        new("Training Data", "Other", null, null, stem + "_trainingData", ".zip", random.LogUniform(64 * KiB, 1 * MiB));

    private static Draft Config(string stem, SeededRandom random)
    {
        var text = ConfigText(random.LogUniform(1 * KiB, 4 * KiB), random);
        return new Draft("Config", "Other", null, null, stem, ".yaml", Encoding.UTF8.GetByteCount(text), text);
    }

    private static IReadOnlyList<HashKind> HashKindsFor(Draft draft, ModelPlan plan, bool primary, SeededRandom random)
    {
        if (!primary && random.Chance(0.02))
        {
            return HashKinds.None;
        }

        if (random.Chance(0.03))
        {
            return HashKinds.Partial;
        }

        return Layout(draft.Extension) switch
        {
            _ when plan.Era == WireEra.Legacy2023 => plan.Type == "Checkpoint" ? HashKinds.WithoutAutoV3 : HashKinds.Legacy,
            FileLayout.SafeTensors => HashKinds.All,
            FileLayout.Pickle => HashKinds.WithoutAutoV3,
            _ => HashKinds.Legacy,
        };
    }

    private static FileSpec Spec(int id, Draft draft, Request request)
    {
        var key = "civitai/files/" + id.ToString(CultureInfo.InvariantCulture);
        if (draft.Text is not null)
        {
            return FileSpec.ForText(key, draft.Text);
        }

        var layout = Layout(draft.Extension);
        return new FileSpec
        {
            Key = key,
            Size = draft.Size,
            Layout = layout,
            Seed = SeededRandom.Derive(request.Seed, "civitai-file", id),
            Metadata = layout == FileLayout.SafeTensors ? SafeTensorsMetadata(draft, request) : null,
            DeclaredHashes = draft.Declared,
        };
    }

    public static FileLayout Layout(string extension) => extension switch
    {
        ".safetensors" => FileLayout.SafeTensors,
        ".ckpt" or ".pt" or ".pth" or ".bin" => FileLayout.Pickle,
        ".yaml" or ".json" or ".txt" => FileLayout.Text,
        _ => FileLayout.Binary,
    };

    /// <summary>The __metadata__ a trainer writes: kohya ss_* keys for LoRA-like files, modelspec.* for the rest.</summary>
    private static Dictionary<string, string> SafeTensorsMetadata(Draft draft, Request request)
    {
        var architecture = ModelNames.AirEcosystem(request.BaseModel);
        var metadata = new Dictionary<string, string>
        {
            ["modelspec.sai_model_spec"] = "1.0.0",
            ["modelspec.architecture"] = architecture + "/" + ModelNames.AirType(request.Plan.Type),
            ["modelspec.title"] = request.ModelName + " " + request.VersionName,
            ["modelspec.date"] = CivitaiDate(request.CreatedAt),
        };
        if (request.Plan.Type is "LORA" or "LoCon" or "DoRA")
        {
            metadata["ss_output_name"] = draft.Stem;
            metadata["ss_network_module"] = request.Plan.Type == "LORA" ? "networks.lora" : "lycoris.kohya";
            metadata["ss_network_dim"] = "32";
            metadata["ss_network_alpha"] = "16";
            metadata["ss_base_model_version"] = architecture;
            metadata["ss_num_epochs"] = "10";
            metadata["ss_tag_frequency"] = "{\"img\": {\"" + request.TriggerWord + "\": 24}}";
            if (request.Plan.Type == "DoRA")
            {
                metadata["ss_network_args"] = "{\"algo\": \"lora\", \"dora_wd\": \"True\"}";
            }
        }
        else
        {
            metadata["format"] = "pt";
        }

        return metadata;
    }

    private static string CivitaiDate(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A Stable Diffusion inference config of about <paramref name="length"/> bytes.</summary>
    private static string ConfigText(long length, SeededRandom random)
    {
        var text = new StringBuilder()
            .Append("model:\n  base_learning_rate: 1.0e-04\n  target: ldm.models.diffusion.ddpm.LatentDiffusion\n  params:\n")
            .Append("    linear_start: 0.00085\n    linear_end: 0.0120\n    num_timesteps_cond: 1\n    log_every_t: 200\n    timesteps: 1000\n")
            .Append("    first_stage_key: \"jpg\"\n    cond_stage_key: \"txt\"\n    image_size: 64\n    channels: 4\n    cond_stage_trainable: false\n")
            .Append("    conditioning_key: crossattn\n    monitor: val/loss_simple_ema\n    scale_factor: 0.18215\n    use_ema: False\n");
        for (var line = 0; text.Length < length; line++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    # tuning note {line}: cfg {random.Between(3, 12)}, steps {random.Between(15, 60)}\n");
        }

        return text.ToString();
    }

    private sealed record Draft(string Type, string? Format, string? SizeKind, string? Precision, string Stem, string Extension, long Size, string? Text = null)
    {
        /// <summary>Hashes declared instead of computed (the oversized checkpoint's weights).</summary>
        public FileHashes? Declared { get; init; }
    }
}
