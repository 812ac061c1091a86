using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// The files and history of a generated repository. Main: "initial commit" (.gitattributes), an upload of
/// everything, a commit changing only README.md, and on half the repos a commit changing only the main weights;
/// tag v1.0 at the upload (v1.1 at the weights update); some repos have a "dev" branch and a pull request.
/// </summary>
internal static class GeneratedRepoContent
{
    private const string DiffusersVersion = "0.31.0";

    public static HfRepoContent Build(GeneratedRepoPlan plan, ulong seed)
    {
        var files = new RepoFileFactory(plan.Id, new SeededRandom(seed, "files/" + plan.Id));
        var cardData = GeneratedCard.Data(plan);
        HfFile Readme(int revision) => files.Text("README.md", ModelCard.Readme(cardData, GeneratedCard.Body(plan, revision)), revision);

        var (primary, others) = plan.Kind switch
        {
            GeneratedKind.Pipeline => PipelineFiles(plan, files),
            GeneratedKind.Checkpoint => CheckpointFiles(plan, files),
            _ => LoraFiles(plan, files),
        };
        var images = GeneratedCard.WidgetImages(plan).Select(files.Image);
        var license = plan.License == "other" ? [files.Text("LICENSE.md", $"{plan.Name} license\n\nResearch use only. Do not redistribute the weights.\n")] : new List<HfFile>();

        var author = plan.Id[..plan.Id.IndexOf('/')];
        var initial = HfCommit.Initial(Commit(plan, "initial"), "initial commit", plan.CommitDates[0], author, [files.Text(".gitattributes", RepoFileKinds.GitAttributes)]);
        var upload = initial.Then(Commit(plan, "upload"), "Upload folder using huggingface_hub", plan.CommitDates[1], [Readme(1), primary, .. others, .. images, .. license]);
        var card = upload.Then(Commit(plan, "card"), "Update README.md", plan.CommitDates[2], [Readme(2)]);
        var head = plan.WeightsUpdate
            ? card.Then(Commit(plan, "weights"), $"Upload {primary.Path} with huggingface_hub", plan.CommitDates[3], [files.Binary(primary.Path, primary.Spec.Size, 2, primary.Spec.Metadata)])
            : card;

        var branches = new List<HfRef> { Branch(HfRepoContent.DefaultBranch, head) };
        if (plan.DevBranch)
        {
            branches.Add(Branch("dev", head.Then(Commit(plan, "dev"), "Update README.md", head.Date.AddDays(3), [Readme(3)])));
        }

        var tags = new List<HfRef> { new("v1.0", "refs/tags/v1.0", upload) };
        if (plan.WeightsUpdate)
        {
            tags.Add(new HfRef("v1.1", "refs/tags/v1.1", head));
        }

        var pullRequests = plan.PullRequest
            ? new List<HfRef> { new("refs/pr/1", "refs/pr/1", card.Then(Commit(plan, "pr-1"), "Add usage notes to README.md", card.Date.AddDays(1), [Readme(4)])) }
            : [];

        return new HfRepoContent
        {
            Branches = branches,
            Tags = tags,
            PullRequests = pullRequests,
            CardData = cardData,
            Config = plan.Kind == GeneratedKind.Pipeline ? new JsonObject { ["diffusers"] = new JsonObject { ["_class_name"] = plan.Base.PipelineClass } } : null,
        };
    }

    private static HfRef Branch(string name, HfCommit target) => new(name, "refs/heads/" + name, target);

    private static string Commit(GeneratedRepoPlan plan, string label) => GitObjects.CommitId(plan.Id, label);

    private static (HfFile Primary, IReadOnlyList<HfFile> Others) PipelineFiles(GeneratedRepoPlan plan, RepoFileFactory files)
    {
        var unetSize = plan.LargeWeights ? files.SizeMiB(16, 32) : files.SizeMiB(2, 8);
        var textEncoderSize = files.SizeMiB(1, 4);
        var vaeSize = files.SizeKiB(512, 4096);
        var unet = files.Binary("unet/diffusion_pytorch_model.safetensors", unetSize);
        return (unet,
        [
            files.Text("model_index.json", HubJson.File(new JsonObject
            {
                ["_class_name"] = plan.Base.PipelineClass,
                ["_diffusers_version"] = DiffusersVersion,
                ["scheduler"] = new JsonArray("diffusers", "EulerDiscreteScheduler"),
                ["text_encoder"] = new JsonArray("transformers", "CLIPTextModel"),
                ["tokenizer"] = new JsonArray("transformers", "CLIPTokenizer"),
                ["unet"] = new JsonArray("diffusers", "UNet2DConditionModel"),
                ["vae"] = new JsonArray("diffusers", "AutoencoderKL"),
            })),
            files.Text("scheduler/scheduler_config.json", HubJson.File(new JsonObject
            {
                ["_class_name"] = "EulerDiscreteScheduler",
                ["_diffusers_version"] = DiffusersVersion,
                ["beta_end"] = 0.012,
                ["beta_schedule"] = "scaled_linear",
                ["beta_start"] = 0.00085,
                ["num_train_timesteps"] = 1000,
                ["prediction_type"] = "epsilon",
                ["timestep_spacing"] = "leading",
            })),
            files.Text("text_encoder/config.json", HubJson.File(new JsonObject
            {
                ["architectures"] = new JsonArray("CLIPTextModel"),
                ["hidden_size"] = 768,
                ["model_type"] = "clip_text_model",
                ["num_hidden_layers"] = 12,
                ["torch_dtype"] = "float32",
                ["vocab_size"] = 49408,
            })),
            files.Binary("text_encoder/model.safetensors", textEncoderSize),
            files.Binary("text_encoder/model.fp16.safetensors", textEncoderSize / 2),
            files.Text("tokenizer/merges.txt", Merges()),
            files.Text("tokenizer/special_tokens_map.json", HubJson.File(new JsonObject { ["bos_token"] = "<|startoftext|>", ["eos_token"] = "<|endoftext|>", ["pad_token"] = "<|endoftext|>", ["unk_token"] = "<|endoftext|>" })),
            files.Text("tokenizer/tokenizer_config.json", HubJson.File(new JsonObject { ["do_lower_case"] = true, ["model_max_length"] = 77, ["tokenizer_class"] = "CLIPTokenizer" })),
            files.Text("tokenizer/vocab.json", Vocabulary()),
            files.Text("unet/config.json", HubJson.File(new JsonObject
            {
                ["_class_name"] = "UNet2DConditionModel",
                ["_diffusers_version"] = DiffusersVersion,
                ["block_out_channels"] = new JsonArray(320, 640, 1280, 1280),
                ["cross_attention_dim"] = 768,
                ["in_channels"] = 4,
                ["layers_per_block"] = 2,
                ["out_channels"] = 4,
                ["sample_size"] = 64,
            })),
            files.Binary("unet/diffusion_pytorch_model.fp16.safetensors", unetSize / 2),
            files.Text("vae/config.json", HubJson.File(new JsonObject
            {
                ["_class_name"] = "AutoencoderKL",
                ["_diffusers_version"] = DiffusersVersion,
                ["block_out_channels"] = new JsonArray(128, 256, 512, 512),
                ["latent_channels"] = 4,
                ["sample_size"] = 512,
                ["scaling_factor"] = 0.18215,
            })),
            files.Binary("vae/diffusion_pytorch_model.safetensors", vaeSize),
            files.Binary("vae/diffusion_pytorch_model.fp16.safetensors", vaeSize / 2),
        ]);
    }

    private static (HfFile Primary, IReadOnlyList<HfFile> Others) CheckpointFiles(GeneratedRepoPlan plan, RepoFileFactory files)
    {
        var size = plan.PrimaryWeightsSize ?? (plan.LargeWeights ? files.SizeMiB(16, 32) : files.SizeMiB(2, 8));
        var primary = files.Binary(plan.Name + ".safetensors", size, 1, Metadata(plan, plan.Base.Id), plan.PrimaryWeightsHashes);
        var others = new List<HfFile>();
        if (plan.PrimaryWeightsSize is null && files.Chance(0.5))
        {
            others.Add(files.Binary(plan.Name + "-pruned-fp16.safetensors", files.SizeMiB(1, 4), 1, Metadata(plan, plan.Base.Id)));
        }

        if (plan.PrimaryWeightsSize is null && files.Chance(0.3))
        {
            others.Add(files.Binary(plan.Name + ".ckpt", files.SizeMiB(2, 8)));
        }

        return (primary, others);
    }

    private static (HfFile Primary, IReadOnlyList<HfFile> Others) LoraFiles(GeneratedRepoPlan plan, RepoFileFactory files)
    {
        var metadata = Metadata(plan, plan.Base.Id + "/lora");
        metadata["ss_network_module"] = "networks.lora";
        metadata["ss_network_dim"] = "16";
        metadata["ss_network_alpha"] = "8";
        metadata["ss_base_model_version"] = plan.Base.KohyaVersion;
        var primary = files.Binary(plan.DefaultLoraName ? "pytorch_lora_weights.safetensors" : plan.Name + ".safetensors", files.SizeKiB(128, 2048), 1, metadata);
        return (primary, files.Chance(0.3) ? [files.Binary(plan.Name + "_emb.safetensors", files.SizeKiB(8, 64))] : []);
    }

    private static Dictionary<string, string> Metadata(GeneratedRepoPlan plan, string architecture) => new()
    {
        ["format"] = "pt",
        ["modelspec.title"] = plan.Name,
        ["modelspec.architecture"] = architecture,
    };

    /// <summary>A byte-pair merges list in the CLIP tokenizer's format.</summary>
    private static string Merges()
    {
        var merges = new StringBuilder("#version: 0.2\n");
        for (var first = 'a'; first <= 'z'; first++)
        {
            merges.Append(first).Append(' ').Append((char)('a' + ((first - 'a' + 7) % 26))).Append("</w>\n");
        }

        return merges.ToString();
    }

    private static string Vocabulary()
    {
        var vocabulary = new JsonObject();
        for (var letter = 0; letter < 26; letter++)
        {
            vocabulary[((char)('a' + letter)).ToString()] = letter;
            vocabulary[(char)('a' + letter) + "</w>"] = letter + 26;
        }

        vocabulary["<|startoftext|>"] = 52;
        vocabulary["<|endoftext|>"] = 53;
        return HubJson.File(vocabulary);
    }
}
