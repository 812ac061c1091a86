using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using Xunit;

namespace ModelHub.Tests.Hubs.HuggingFace;

/// <summary>
/// Trees in the shapes hf-api.md documents (a diffusers pipeline, a LoRA, single-file checkpoints), written here:
/// format, kind, precision, the primary file, hashes and download addresses.
/// </summary>
public sealed class FileMappingTests : IDisposable
{
    private const string Sha = "fedcba9876543210fedcba9876543210fedcba98";
    private const string Oid = "1111111111111111111111111111111111111111";
    private const string Lfs = "ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789";

    private readonly HfSourceFixture _hf = new();

    public void Dispose() => _hf.Dispose();

    [Fact]
    public async Task Maps_a_diffusers_pipeline_by_component_folder()
    {
        var files = await FilesAsync("lumen-labs/misty-harbor-diffusers",
            Folder("scheduler"), Folder("text_encoder"), Folder("unet"), Folder("vae"),
            GitFile(".gitattributes"), GitFile("README.md"), GitFile("model_index.json"),
            GitFile("scheduler/scheduler_config.json"),
            GitFile("text_encoder/config.json"), LfsFile("text_encoder/model.safetensors"), LfsFile("text_encoder/model.fp16.safetensors"),
            LfsFile("text_encoder_2/model.safetensors"),
            GitFile("tokenizer/vocab.json"), GitFile("tokenizer/merges.txt"),
            GitFile("unet/config.json"), LfsFile("unet/diffusion_pytorch_model.safetensors"), LfsFile("unet/diffusion_pytorch_model.fp16.safetensors"),
            GitFile("vae/config.json"), LfsFile("vae/diffusion_pytorch_model.safetensors"));

        Assert.Equal(
            new[]
            {
                ".gitattributes", "README.md", "model_index.json", "scheduler/scheduler_config.json", "text_encoder/config.json",
                "text_encoder/model.safetensors", "text_encoder/model.fp16.safetensors", "text_encoder_2/model.safetensors",
                "tokenizer/vocab.json", "tokenizer/merges.txt", "unet/config.json", "unet/diffusion_pytorch_model.safetensors",
                "unet/diffusion_pytorch_model.fp16.safetensors", "vae/config.json", "vae/diffusion_pytorch_model.safetensors",
            },
            files.Select(file => file.Path));
        Assert.Equal(
            new[] { "Other", "Other", "Diffusers", "Diffusers", "Diffusers", "Diffusers", "Diffusers", "Diffusers", "Diffusers", "Diffusers", "Diffusers", "Diffusers", "Diffusers", "Diffusers", "Diffusers" },
            files.Select(file => file.Format));
        Assert.Equal(
            new[] { "Other", "Other", "Config", "Config", "Text Encoder", "Text Encoder", "Text Encoder", "Text Encoder", "Config", "Other", "Config", "Model", "Model", "VAE", "VAE" },
            files.Select(file => file.Kind));
        Assert.Equal(
            new[] { null, null, null, null, null, null, "fp16", null, null, null, null, null, "fp16", null, null },
            files.Select(file => file.Precision));
        Assert.DoesNotContain(files, file => file.Primary);
        var unet = files.Single(file => file.Path == "unet/diffusion_pytorch_model.safetensors");
        Assert.Equal("diffusion_pytorch_model.safetensors", unet.Name);
        Assert.Equal(new Uri("https://hf.example/lumen-labs/misty-harbor-diffusers/resolve/" + Sha + "/unet/diffusion_pytorch_model.safetensors"), unet.DownloadUrl);
    }

    [Fact]
    public async Task Makes_the_one_weights_file_at_the_root_of_a_lora_its_primary()
    {
        var files = await FilesAsync("pixel-foundry/neon-pixel-lora",
            GitFile(".gitattributes"), GitFile("README.md"), LfsFile("pytorch_lora_weights.safetensors", 912_345), LfsFile("image_0.png"));

        var primary = Assert.Single(files, file => file.Primary);
        Assert.Equal("pytorch_lora_weights.safetensors", primary.Path);
        Assert.Equal("SafeTensor", primary.Format);
        Assert.Equal("Model", primary.Kind);
        Assert.Equal(912_345, primary.Size);
        Assert.Equal(Lfs.ToLowerInvariant(), primary.Sha256);
        Assert.Null(primary.GitBlobId);
        var readme = files.Single(file => file.Path == "README.md");
        Assert.Equal(Oid, readme.GitBlobId);
        Assert.Null(readme.Sha256);
        Assert.Equal("Other", files.Single(file => file.Path == "image_0.png").Kind);
    }

    [Fact]
    public async Task Names_no_primary_when_several_weights_files_share_the_root()
    {
        var files = await FilesAsync("kiln-studio/golden-dune",
            LfsFile("golden-dune.safetensors"), LfsFile("golden-dune-pruned-fp16.safetensors"), LfsFile("golden-dune.ckpt"), LfsFile("sub/other.safetensors"));

        Assert.DoesNotContain(files, file => file.Primary);
        Assert.Equal(new[] { "SafeTensor", "SafeTensor", "PickleTensor", "SafeTensor" }, files.Select(file => file.Format));
        Assert.Equal(new[] { "Model", "Pruned Model", "Model", "Model" }, files.Select(file => file.Kind));
        Assert.Equal(new[] { null, "fp16", null, null }, files.Select(file => file.Precision));
    }

    [Theory]
    [InlineData("flux1-dev-fp8_e4m3fn.safetensors", "SafeTensor", "fp8")]
    [InlineData("model-BF16.gguf", "GGUF", "bf16")]
    [InlineData("model-Q4_K_M.gguf", "GGUF", null)]
    [InlineData("weights.pt", "PickleTensor", null)]
    [InlineData("weights.fp32.pth", "PickleTensor", "fp32")]
    [InlineData("model.onnx", "ONNX", null)]
    [InlineData("notfp16x.safetensors", "SafeTensor", null)]
    public async Task Reads_format_and_precision_from_the_file_name(string name, string format, string? precision)
    {
        var file = Assert.Single(await FilesAsync("tidepool/one", LfsFile(name)));

        Assert.Equal(format, file.Format);
        Assert.Equal(precision, file.Precision);
        Assert.True(file.Primary);
    }

    [Fact]
    public async Task Escapes_paths_in_download_addresses()
    {
        var file = Assert.Single(await FilesAsync("tidepool/images", GitFile("images/a b#1.png")));

        Assert.Equal("https://hf.example/tidepool/images/resolve/" + Sha + "/images/a%20b%231.png", file.DownloadUrl!.AbsoluteUri);
        Assert.Equal("a b#1.png", file.Name);
    }

    private static string Folder(string path) => $$"""{"type":"directory","oid":"{{Oid}}","size":0,"path":"{{path}}"}""";

    private static string GitFile(string path) => $$"""{"type":"file","oid":"{{Oid}}","size":120,"path":"{{path}}"}""";

    private static string LfsFile(string path, long size = 4096) =>
        $$"""{"type":"file","oid":"{{Oid}}","size":{{size}},"lfs":{"oid":"{{Lfs}}","size":{{size}},"pointerSize":134},"xetHash":"{{Lfs}}","path":"{{path}}"}""";

    private async Task<ModelFile[]> FilesAsync(string repoId, params string[] entries)
    {
        _hf.Hub.Then(
            () => HfSourceFixture.Json($$"""{"_id":"6500aa00bb11cc22dd33ee48","id":"{{repoId}}","sha":"{{Sha}}"}"""),
            () => HfSourceFixture.Json("[" + string.Join(",", entries) + "]"));
        var files = await _hf.Source.GetFilesAsync(repoId, null, HubCallOptions.Default, CancellationToken.None).ToArrayAsync();
        Assert.Equal($"https://hf.example/api/models/{repoId}/revision/main?expand=sha", _hf.Requested[0]);
        Assert.Equal($"https://hf.example/api/models/{repoId}/tree/{Sha}?recursive=true", _hf.Requested[1]);
        Assert.All(files, file => Assert.Equal(Sha, file.VersionId));
        return files;
    }
}
