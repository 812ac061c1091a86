using System;
using System.Linq;
using System.Text.Json;
using ModelHub.Errors;
using ModelHub.Hubs.Civitai;
using ModelHub.Installs;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;
using Xunit;
using static ModelHub.Tests.Installs.InstallSamples;

namespace ModelHub.Tests.Installs;

/// <summary>Civitai versions: the primary file, the criteria that choose others, pickle refusal, hostile names.</summary>
public sealed class CivitaiSelectionTests
{
    private static readonly ModelFile Pruned = CivitaiFile("mistyHarbor_v10-pruned-fp16.safetensors", primary: true);
    private static readonly ModelFile Full = CivitaiFile("mistyHarbor_v10-full.safetensors", precision: "fp32", variant: "full", size: 7_703_324_286);
    private static readonly ModelFile Pickle = CivitaiFile("mistyHarbor_v10-pruned.ckpt", format: "PickleTensor", precision: "fp16", variant: "pruned");
    private static readonly ModelFile Vae = CivitaiFile("mistyHarbor_vae.safetensors", precision: null, variant: null, kind: "VAE", size: 334_641_164);
    private static readonly ModelFile Config = CivitaiFile("mistyHarbor_v10.yaml", format: "Other", precision: null, variant: null, kind: "Config", size: 1_873);

    private static readonly ModelFile[] Files = { Pruned, Full, Pickle, Vae, Config };

    [Fact]
    public void Installs_the_primary_file_by_default()
    {
        var selection = Select(new FileCriteria(), Files);

        var file = Assert.Single(selection.Files);
        Assert.Same(Pruned, file.File);
        Assert.Equal("mistyHarbor_v10-pruned-fp16.safetensors", file.InstallName);
        Assert.False(selection.IsDiffusersFolder);
    }

    [Fact]
    public void Installs_the_primary_file_of_a_recorded_version()
    {
        using var json = JsonDocument.Parse(RecordedResponses.Read("civitai/model-version-1387174.json"));
        var endpoint = new HubEndpoint(Hub.Civitai, new Uri("https://civitai.example/"), "test");
        var files = json.RootElement.GetProperty("files").EnumerateArray().Select(file => CivitaiFileMapper.Map(file, "1231067", "1387174", endpoint)).ToList();

        var selection = FileSelection.Select(CivitaiModel(type: ModelType.LoRA, baseModel: "Flux.1"), CivitaiVersion(baseModel: "Flux.1"), files, new FileCriteria());

        Assert.Equal("pp-storybook_rank2_bf16.safetensors", Assert.Single(selection.Files).InstallName);
    }

    [Theory]
    [InlineData("fp32", null, null, "mistyHarbor_v10-full.safetensors")]
    [InlineData(null, "Full", null, "mistyHarbor_v10-full.safetensors")]
    [InlineData("FP32", "full", "SAFETENSOR", "mistyHarbor_v10-full.safetensors")]
    public void Chooses_by_precision_variant_and_format_case_insensitively(string? precision, string? variant, string? format, string expected)
    {
        var selection = Select(new FileCriteria { Precision = precision, Variant = variant, Format = format }, Files);

        Assert.Equal(expected, Assert.Single(selection.Files).InstallName);
    }

    [Fact]
    public void Chooses_every_file_that_matches_among_all_files()
    {
        var selection = Select(new FileCriteria { Format = "SafeTensor" }, Files);

        Assert.Equal(new[] { Pruned, Full, Vae }, selection.Files.Select(file => file.File));
    }

    [Theory]
    [InlineData("*vae*", "mistyHarbor_vae.safetensors")]
    [InlineData("MISTYHARBOR_V10-FULL.SAFETENSORS", "mistyHarbor_v10-full.safetensors")]
    [InlineData("mistyHarbor_v10-[f]ull.*", "mistyHarbor_v10-full.safetensors")]
    [InlineData("mistyHarbor_v10.yam?", "mistyHarbor_v10.yaml")]
    public void Chooses_by_file_name_wildcards(string pattern, string expected)
    {
        var selection = Select(new FileCriteria { FileName = new[] { pattern } }, Files);

        Assert.Equal(expected, Assert.Single(selection.Files).InstallName);
    }

    [Fact]
    public void Lists_the_files_there_are_when_nothing_matches()
    {
        var error = Assert.Throws<ModelHubException>(() => Select(new FileCriteria { Precision = "bf16", Variant = "pruned" }, Files));

        Assert.Equal(ErrorIds.NoMatchingFile, error.ErrorId);
        Assert.Equal(HubErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal(Hub.Civitai, error.Hub);
        Assert.Equal("civitai:4201@130072", error.Target);
        Assert.Contains("-Precision bf16 -Variant pruned", error.Message);
        Assert.Contains("mistyHarbor_v10-pruned-fp16.safetensors (SafeTensor, fp16, 2 GB)", error.Message);
        Assert.Contains("mistyHarbor_v10-full.safetensors (SafeTensor, fp32, 7.2 GB)", error.Message);
        Assert.Contains("mistyHarbor_v10.yaml (Other, 1.8 KB)", error.Message);
        Assert.Contains("-Precision", error.RecommendedAction);
    }

    [Fact]
    public void Reports_a_version_without_a_primary_file()
    {
        var error = Assert.Throws<ModelHubException>(() => Select(new FileCriteria(), Full, Vae));

        Assert.Equal(ErrorIds.NoMatchingFile, error.ErrorId);
        Assert.Contains("no single file", error.Message);
        Assert.Contains("mistyHarbor_v10-full.safetensors", error.Message);
    }

    [Fact]
    public void Refuses_a_pickle_file_with_civitais_scan_results()
    {
        var primaryPickle = CivitaiFile("mistyHarbor_v10.ckpt", format: "PickleTensor", primary: true);

        var error = Assert.Throws<ModelHubException>(() => Select(new FileCriteria(), primaryPickle, Full));

        Assert.Equal(ErrorIds.PickleFormatRefused, error.ErrorId);
        Assert.Equal(HubErrorCategory.SecurityError, error.Category);
        Assert.Contains("mistyHarbor_v10.ckpt (Civitai's pickle scan: Success, No Pickle imports; virus scan: Success)", error.Message);
        Assert.Contains("-AllowPickle", error.RecommendedAction);
        Assert.Contains("-Format SafeTensor", error.RecommendedAction);
    }

    [Fact]
    public void Installs_a_pickle_file_when_allowed()
    {
        var selection = Select(new FileCriteria { Format = "PickleTensor", AllowPickle = true }, Files);

        Assert.Same(Pickle, Assert.Single(selection.Files).File);
    }

    [Fact]
    public void Knows_a_pickle_file_by_its_extension_when_the_format_is_missing()
    {
        var unscanned = new ModelFile { Hub = Hub.Civitai, ModelId = "4201", VersionId = "130072", Name = "embedding.pt", Path = "embedding.pt", Primary = true };

        var error = Assert.Throws<ModelHubException>(() => Select(new FileCriteria(), unscanned));

        Assert.Equal(ErrorIds.PickleFormatRefused, error.ErrorId);
        Assert.Contains("embedding.pt (Civitai's pickle scan: not reported; virus scan: not reported)", error.Message);
    }

    [Theory]
    [InlineData("../../evil.safetensors", "evil.safetensors")]
    [InlineData("..\\..\\Windows\\evil.safetensors", "evil.safetensors")]
    [InlineData("/etc/cron.d/evil", "evil")]
    [InlineData("CON.safetensors", "_CON.safetensors")]
    [InlineData("NUL", "_NUL")]
    [InlineData("com1.safetensors", "_com1.safetensors")]
    [InlineData("a<b>:c|d?e*f\".safetensors", "a_b__c_d_e_f_.safetensors")]
    [InlineData("../", "civitai-4201-130072")]
    public void Sanitises_hostile_names(string name, string installName)
    {
        var hostile = CivitaiFile(name, primary: true);

        Assert.Equal(installName, Assert.Single(Select(new FileCriteria(), hostile).Files).InstallName);
    }

    private static SelectionResult Select(FileCriteria criteria, params ModelFile[] files) =>
        FileSelection.Select(CivitaiModel(), CivitaiVersion(), files, criteria);
}
