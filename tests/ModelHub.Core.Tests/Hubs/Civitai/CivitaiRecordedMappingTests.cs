using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Hubs.Civitai;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Hubs.Civitai;

/// <summary>
/// Every recorded Civitai response in ../shared/hub-api/fixtures/civitai, read at test time and mapped, with the
/// expected values written out. The listing, model and version answers go through the source; the error answers
/// through the same calls; enums.json checks the type and base model tables against Civitai's own lists.
/// (images-*, wiki-images-page, wiki-tags-page and wiki-creators-page are not model answers: no call reads them.)
/// </summary>
public sealed class CivitaiRecordedMappingTests : IDisposable
{
    private const string Origin = HttpHarness.CivitaiOrigin;
    private readonly CivitaiHarness _civitai = new();

    public void Dispose() => _civitai.Dispose();

    [Fact]
    public async Task Maps_the_2025_model_1231067()
    {
        _civitai.AnswerRecorded("model-1231067.json");

        var model = await _civitai.GetModelAsync("1231067");

        Assert.Equal(new[] { "/api/v1/models/1231067" }, _civitai.Requests);
        Assert.Equal(Hub.Civitai, model.Hub);
        Assert.Equal("1231067", model.Id);
        Assert.Equal("Vivid Impressions Storybook Style", model.Name);
        Assert.Equal(ModelType.LoRA, model.Type);
        Assert.Equal("Flux.1", model.BaseModel);
        Assert.Equal("Flux.1 D", model.BaseModelRaw);
        Assert.Equal("PixelPawsAI", model.Author);
        Assert.Equal(new[] { "style", "illustration", "storybook" }, model.Tags);
        Assert.Equal(2183, model.Downloads);
        Assert.Equal(416, model.Likes);
        Assert.Null(model.Rating);
        Assert.Null(model.RatingCount);
        Assert.False(model.Nsfw);
        Assert.Equal(1, model.NsfwLevel);
        Assert.False(model.Poi);
        Assert.Equal("CommercialUse=Image,RentCivit,Rent,Sell; AllowNoCredit; AllowDerivatives; AllowDifferentLicense", model.License);
        Assert.Equal(new[] { "Image", "RentCivit", "Rent", "Sell" }, model.CommercialUse);
        Assert.True(model.AllowNoCredit);
        Assert.True(model.AllowDerivatives);
        Assert.True(model.AllowDifferentLicense);
        Assert.False(model.Gated);
        Assert.Equal(DateTimeOffset.Parse("2025-02-08T11:15:47.197Z"), model.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2025-02-08T11:29:04.487Z"), model.UpdatedAt);
        Assert.Equal(new Uri(Origin + "/models/1231067"), model.Url);
        Assert.Equal("urn:air:flux1:lora:civitai:1231067@1387174", model.Air);
        Assert.Equal(JsonDocument.Parse(RecordedResponses.Read("civitai/model-1231067.json")).RootElement.GetRawText(), model.Raw);

        var version = Assert.Single(model.Versions);
        Assert.Same(version, model.LatestVersion);
        Assert.Equal(Hub.Civitai, version.Hub);
        Assert.Equal("1231067", version.ModelId);
        Assert.Equal("1387174", version.VersionId);
        Assert.Equal("v1.0", version.Name);
        Assert.Equal("Flux.1", version.BaseModel);
        Assert.Equal("Flux.1 D", version.BaseModelRaw);
        Assert.Equal(new[] { "ppstorybook" }, version.TrainedWords);
        Assert.Equal(DateTimeOffset.Parse("2025-02-08T11:29:04.487Z"), version.PublishedAt);
        Assert.Null(version.EarlyAccessEndsAt);
        Assert.Equal(new Uri(Origin + "/models/1231067?modelVersionId=1387174"), version.Url);
        Assert.Equal("urn:air:flux1:lora:civitai:1231067@1387174", version.Air);

        var file = Assert.Single(version.Files);
        AssertStorybookFile(file);
    }

    [Fact]
    public async Task Maps_the_2025_model_version_1387174_files()
    {
        _civitai.AnswerRecorded("model-version-1387174.json");

        var files = await _civitai.GetFilesAsync("1231067", "1387174");

        Assert.Equal(new[] { "/api/v1/model-versions/1387174" }, _civitai.Requests);
        AssertStorybookFile(Assert.Single(files));
    }

    [Fact]
    public void Maps_the_2025_model_version_1387174_as_a_version_with_the_hubs_air()
    {
        var json = JsonDocument.Parse(RecordedResponses.Read("civitai/model-version-1387174.json")).RootElement;

        var version = CivitaiVersionMapper.Map(json, "1231067", BaseModels.TypeFromCivitai(json.GetProperty("model").GetProperty("type").GetString()), _civitai.Http.Request());

        Assert.Equal("1387174", version.VersionId);
        Assert.Equal("v1.0", version.Name);
        Assert.Equal("Flux.1", version.BaseModel);
        Assert.Equal("Flux.1 D", version.BaseModelRaw);
        Assert.Equal(new[] { "ppstorybook" }, version.TrainedWords);
        Assert.Equal(DateTimeOffset.Parse("2025-02-08T11:29:04.487Z"), version.PublishedAt);
        Assert.Null(version.EarlyAccessEndsAt);
        Assert.Equal("urn:air:flux1:lora:civitai:1231067@1387174", version.Air);
        AssertStorybookFile(Assert.Single(version.Files));
    }

    [Fact]
    public async Task Maps_the_2023_listing_page_of_textual_inversions()
    {
        _civitai.AnswerRecorded("wiki-models-page-textualinversion.json");

        var models = await _civitai.SearchAsync(new ModelQuery { IncludeNsfw = true });

        // The 2023 page has page metadata (nextPage, no nextCursor): it is the last page the client reads.
        Assert.Single(_civitai.Requests);
        Assert.Equal(new[] { "3036", "4514", "8109" }, models.Select(model => model.Id));

        var charTurner = models[0];
        Assert.Equal("CharTurner - Character Turnaround helper for 1.5 AND 2.1!", charTurner.Name);
        Assert.Equal(ModelType.TextualInversion, charTurner.Type);
        Assert.Equal("SD 2.x", charTurner.BaseModel);
        Assert.Equal("SD 2.1", charTurner.BaseModelRaw);
        Assert.Equal("mousewrites", charTurner.Author);
        Assert.Equal(new[] { "character", "consistent character", "turnaround", "model sheet" }, charTurner.Tags);
        Assert.Equal(56206, charTurner.Downloads);
        Assert.Equal(7433, charTurner.Likes);
        Assert.Equal(4.63, charTurner.Rating);
        Assert.Equal(56, charTurner.RatingCount);
        Assert.False(charTurner.Nsfw);
        Assert.Null(charTurner.NsfwLevel);
        Assert.False(charTurner.Poi);
        Assert.Equal("CommercialUse=Rent; AllowNoCredit; AllowDerivatives; AllowDifferentLicense", charTurner.License);
        Assert.Equal(new[] { "Rent" }, charTurner.CommercialUse);
        Assert.False(charTurner.Gated);
        Assert.Equal(DateTimeOffset.Parse("2022-12-28T23:21:25.362Z"), charTurner.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2023-03-15T18:58:13.476Z"), charTurner.UpdatedAt);
        Assert.Equal(new Uri(Origin + "/models/3036"), charTurner.Url);
        Assert.Equal("urn:air:sd2:embedding:civitai:3036@9857", charTurner.Air);
        Assert.Equal(new[] { "9857", "8387", "3334" }, charTurner.Versions.Select(version => version.VersionId));
        Assert.Equal(new[] { "SD 2.x", "SD 1.5", "SD 1.5" }, charTurner.Versions.Select(version => version.BaseModel));
        Assert.Equal(new[] { "CharTurner V2 - For 2.1", "CharTurner V2 - For 1.5", "CharTurner V1 - For 1.5" }, charTurner.Versions.Select(version => version.Name));
        Assert.Equal(new[] { "21charturnerv2", "charturnerv2", "charturner" }, charTurner.Versions.Select(version => Assert.Single(version.TrainedWords)));
        Assert.All(charTurner.Versions, version => Assert.Null(version.PublishedAt));
        Assert.Equal("urn:air:sd1:embedding:civitai:3036@3334", charTurner.Versions[2].Air);
        Assert.Equal(new Uri(Origin + "/models/3036?modelVersionId=8387"), charTurner.Versions[1].Url);

        var file = Assert.Single(charTurner.Versions[0].Files);
        Assert.Equal("3036", file.ModelId);
        Assert.Equal("9857", file.VersionId);
        Assert.Equal("21charturnerv2.pt", file.Name);
        Assert.Equal("21charturnerv2.pt", file.Path);
        Assert.Equal(17426, file.Size);
        Assert.Equal("Model", file.Kind);
        Assert.Equal("PickleTensor", file.Format);
        Assert.Equal("fp16", file.Precision);
        Assert.Equal("full", file.Variant);
        Assert.True(file.Primary);
        Assert.Equal("f253abb016c22dd426d6e482f4f8c3960766de6e4c02f151478bfb98f6985383", file.Sha256);
        Assert.Null(file.AutoV1);
        Assert.Equal("f253abb016", file.AutoV2);
        Assert.Null(file.AutoV3);
        Assert.Equal("e7163c1a3f6b135a3e473cdd749bc1e6f4ed2d1ab43feb1acc4beb1e5c205260", file.Blake3);
        Assert.Equal("f500aadd", file.Crc32);
        Assert.Equal(new Uri(Origin + "/api/download/models/9857"), file.DownloadUrl);
        Assert.Equal("Success", file.PickleScan);
        Assert.Equal("No Pickle imports", file.PickleScanMessage);
        Assert.Equal("Success", file.VirusScan);

        var pureEros = models[1];
        Assert.Equal("Pure Eros Face", pureEros.Name);
        Assert.Equal("SD 1.5", pureEros.BaseModel);
        Assert.Equal("FapMagi", pureEros.Author);
        Assert.Equal(66498, pureEros.Downloads);
        Assert.Equal(8427, pureEros.Likes);
        Assert.Equal(4.9, pureEros.Rating);
        Assert.Equal(50, pureEros.RatingCount);
        Assert.True(pureEros.Nsfw);
        Assert.Equal("CommercialUse=Rent; AllowDerivatives", pureEros.License);
        Assert.False(pureEros.AllowNoCredit);
        Assert.False(pureEros.AllowDifferentLicense);
        Assert.Equal(13, pureEros.Tags.Count);
        Assert.Equal("urn:air:sd1:embedding:civitai:4514@5119", pureEros.Air);
        Assert.Equal(4011, Assert.Single(Assert.Single(pureEros.Versions).Files).Size);

        var ulzzang = models[2];
        Assert.Equal("Ulzzang-6500 (Korean doll aesthetic)", ulzzang.Name);
        Assert.Equal("SD 1.5", ulzzang.BaseModel);
        Assert.Equal("SD 1.4", ulzzang.BaseModelRaw);
        Assert.Equal("festival", ulzzang.Author);
        Assert.Equal(78057, ulzzang.Downloads);
        Assert.Equal(7864, ulzzang.Likes);
        Assert.Equal(4.95, ulzzang.Rating);
        Assert.Equal(38, ulzzang.RatingCount);
        Assert.True(ulzzang.Nsfw);
        Assert.Equal(DateTimeOffset.Parse("2023-02-12T00:07:29.189Z"), ulzzang.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2023-02-23T18:08:51.680Z"), ulzzang.UpdatedAt);
        Assert.Equal(new[] { "10107", "9573" }, ulzzang.Versions.Select(version => version.VersionId));
        Assert.Empty(ulzzang.Versions[1].TrainedWords);
        var binary = Assert.Single(ulzzang.Versions[0].Files);
        Assert.Equal("ulzzang-6500-v1.1.bin", binary.Name);
        Assert.Equal("Other", binary.Format);
        Assert.Equal(10185, binary.Size);
    }

    [Fact]
    public async Task Leaves_the_2023_nsfw_models_out_unless_asked()
    {
        _civitai.AnswerRecorded("wiki-models-page-textualinversion.json");

        var models = await _civitai.SearchAsync(new ModelQuery());

        Assert.Equal("3036", Assert.Single(models).Id);
    }

    [Fact]
    public async Task Maps_the_2023_model_version_1318_files()
    {
        _civitai.AnswerRecorded("wiki-model-version-1318.json");

        var file = Assert.Single(await _civitai.GetFilesAsync("1244", "1318"));

        Assert.Equal(new[] { "/api/v1/model-versions/1318" }, _civitai.Requests);
        Assert.Equal("1244", file.ModelId);
        Assert.Equal("1318", file.VersionId);
        Assert.Equal("froggyStyle_toad.ckpt", file.Name);
        Assert.Equal(2607528931, file.Size);
        Assert.Equal("Model", file.Kind);
        Assert.Equal("PickleTensor", file.Format);
        Assert.Equal("fp16", file.Precision);
        Assert.Equal("full", file.Variant);
        Assert.True(file.Primary);
        Assert.Equal("0df040c8cd48125174b54c251a87822e8ed61d529a92c42c1fa1bef483b10b0d", file.Sha256);
        Assert.Equal("5f06aa6f", file.AutoV1);
        Assert.Equal("0df040c8cd", file.AutoV2);
        Assert.Null(file.AutoV3);
        Assert.Equal("7e2030574c35f33545951e6588a19e41d88cebb30598c17805a87effd0db0a99", file.Blake3);
        Assert.Equal("32aeb036", file.Crc32);
        Assert.Equal(new Uri(Origin + "/api/download/models/1318"), file.DownloadUrl);
        Assert.Equal("Success", file.PickleScan);
        Assert.StartsWith("**Detected Pickle imports (3)**", file.PickleScanMessage);
        Assert.Equal("Success", file.VirusScan);
    }

    [Fact]
    public void Maps_the_2023_model_version_1318_as_a_version_with_a_computed_air()
    {
        var json = JsonDocument.Parse(RecordedResponses.Read("civitai/wiki-model-version-1318.json")).RootElement;

        var version = CivitaiVersionMapper.Map(json, "1244", ModelType.Checkpoint, _civitai.Http.Request());

        Assert.Equal("1318", version.VersionId);
        Assert.Equal("toad", version.Name);
        Assert.Equal("SD 1.5", version.BaseModel);
        Assert.Equal(new[] { "ttdddd" }, version.TrainedWords);
        Assert.Null(version.PublishedAt);
        Assert.Equal("urn:air:sd1:checkpoint:civitai:1244@1318", version.Air);
        Assert.Equal(new Uri(Origin + "/models/1244?modelVersionId=1318"), version.Url);
    }

    [Fact]
    public async Task The_recorded_404_of_a_model_is_HubModelNotFound_naming_the_id()
    {
        _civitai.AnswerRecorded("docs-error-404-model.json", status: 404);

        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => _civitai.GetModelAsync("0"));

        Assert.Equal(ErrorIds.HubModelNotFound, error.ErrorId);
        Assert.Equal("0", error.Target);
        Assert.Equal(Hub.Civitai, error.Hub);
        Assert.Equal(404, error.StatusCode);
        Assert.Contains("No model with id 0", error.Message);
    }

    [Fact]
    public async Task The_recorded_404_of_a_version_is_HubModelNotFound_naming_model_and_version()
    {
        _civitai.AnswerRecorded("synthetic-error-404-model-version.json", status: 404);

        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => _civitai.GetFilesAsync("1244", "99"));

        Assert.Equal(ErrorIds.HubModelNotFound, error.ErrorId);
        Assert.Equal("1244@99", error.Target);
        Assert.Contains("Model not found", error.Message);
    }

    [Theory]
    [InlineData("synthetic-error-429-too-many-pages.json", 429, ErrorIds.HubPageLimitExceeded)]
    [InlineData("synthetic-error-400-query-with-page.json", 400, ErrorIds.InvalidHubRequest)]
    public async Task The_recorded_listing_errors_surface_as_the_translators_errors(string fixture, int status, string errorId)
    {
        _civitai.AnswerRecorded(fixture, status);

        var error = await Assert.ThrowsAnyAsync<ModelHubException>(() => _civitai.SearchAsync(new ModelQuery { Text = "x" }));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Single(_civitai.Requests);
    }

    public static IEnumerable<object[]> RecordedTypes() => new[]
    {
        new object[] { "Checkpoint", ModelType.Checkpoint }, new object[] { "TextualInversion", ModelType.TextualInversion },
        new object[] { "Hypernetwork", ModelType.Hypernetwork }, new object[] { "AestheticGradient", ModelType.Other },
        new object[] { "LORA", ModelType.LoRA }, new object[] { "LoCon", ModelType.LyCORIS }, new object[] { "DoRA", ModelType.DoRA },
        new object[] { "Controlnet", ModelType.ControlNet }, new object[] { "Upscaler", ModelType.Upscaler },
        new object[] { "MotionModule", ModelType.MotionModule }, new object[] { "VAE", ModelType.VAE }, new object[] { "Poses", ModelType.Other },
        new object[] { "Wildcards", ModelType.Other }, new object[] { "Workflows", ModelType.Other }, new object[] { "Detection", ModelType.Other },
        new object[] { "Other", ModelType.Other },
    };

    [Fact]
    public void Every_recorded_Civitai_type_has_its_ModelHub_type()
    {
        var recorded = RecordedEnum("ModelType");

        Assert.Equal(recorded, RecordedTypes().Select(row => (string)row[0]));
        Assert.All(RecordedTypes(), row => Assert.Equal((ModelType)row[1], BaseModels.TypeFromCivitai((string)row[0])));
    }

    [Fact]
    public void Every_recorded_Civitai_base_model_has_a_family()
    {
        var expected = new Dictionary<string, string>
        {
            ["Flux.1 S"] = "Flux.1", ["Flux.1 D"] = "Flux.1", ["Flux.1 Krea"] = "Flux.1", ["Flux.1 Kontext"] = "Flux.1",
            ["Flux.2 D"] = "Flux.2", ["Flux.2 Klein 9B"] = "Flux.2", ["Flux.2 Klein 9B-base"] = "Flux.2", ["Flux.2 Klein 4B"] = "Flux.2", ["Flux.2 Klein 4B-base"] = "Flux.2",
            ["Hunyuan 1"] = "Hunyuan", ["Hunyuan Video"] = "Hunyuan", ["Illustrious"] = "Illustrious", ["NoobAI"] = "NoobAI", ["Other"] = "Other",
            ["PixArt a"] = "PixArt", ["PixArt E"] = "PixArt", ["Pony"] = "Pony", ["Pony V7"] = "Pony", ["Qwen"] = "Qwen", ["Stable Cascade"] = "Stable Cascade",
            ["SD 1.4"] = "SD 1.5", ["SD 1.5"] = "SD 1.5", ["SD 1.5 LCM"] = "SD 1.5", ["SD 1.5 Hyper"] = "SD 1.5",
            ["SD 2.0"] = "SD 2.x", ["SD 2.0 768"] = "SD 2.x", ["SD 2.1"] = "SD 2.x", ["SD 2.1 768"] = "SD 2.x", ["SD 2.1 Unclip"] = "SD 2.x",
            ["SD 3"] = "SD 3.x", ["SD 3.5"] = "SD 3.x", ["SD 3.5 Large"] = "SD 3.x", ["SD 3.5 Large Turbo"] = "SD 3.x", ["SD 3.5 Medium"] = "SD 3.x",
            ["SDXL 0.9"] = "SDXL", ["SDXL 1.0"] = "SDXL", ["SDXL 1.0 LCM"] = "SDXL", ["SDXL Lightning"] = "SDXL", ["SDXL Hyper"] = "SDXL", ["SDXL Turbo"] = "SDXL", ["SDXL Distilled"] = "SDXL",
            ["Wan Video"] = "Wan Video", ["Wan Video 1.3B t2v"] = "Wan Video", ["Wan Video 14B t2v"] = "Wan Video", ["Wan Video 14B i2v 480p"] = "Wan Video",
            ["Wan Video 14B i2v 720p"] = "Wan Video", ["Wan Video 2.2 TI2V-5B"] = "Wan Video", ["Wan Video 2.2 I2V-A14B"] = "Wan Video",
            ["Wan Video 2.2 T2V-A14B"] = "Wan Video", ["Wan Video 2.5 T2V"] = "Wan Video", ["Wan Video 2.5 I2V"] = "Wan Video",
        };

        // No table row yet: each is its own family (docs/MAPPINGS.md), and its AIR ecosystem is "other".
        var ownFamilies = new[]
        {
            "Anima", "AuraFlow", "Chroma", "CogVideoX", "HiDream", "Imagen4", "Kling", "Kolors", "LTXV", "LTXV2", "LTXV 2.3", "Lumina", "Mochi",
            "Nano Banana", "ODOR", "OpenAI", "Playground v2", "Sora 2", "Seedance", "Seedream", "SVD", "SVD XT", "Veo 3", "Vidu Q1", "ZImageTurbo", "ZImageBase",
        };

        var recorded = RecordedEnum("BaseModel");
        Assert.Equal(recorded.OrderBy(value => value, StringComparer.Ordinal), expected.Keys.Concat(ownFamilies).OrderBy(value => value, StringComparer.Ordinal));
        Assert.All(expected, pair => Assert.Equal(pair.Value, BaseModels.FromCivitai(pair.Key)));
        Assert.All(ownFamilies, value => Assert.Equal(value, BaseModels.FromCivitai(value)));
        Assert.Empty(RecordedEnum("ActiveBaseModel").Except(recorded));
    }

    private static IReadOnlyList<string> RecordedEnum(string name) =>
        JsonDocument.Parse(RecordedResponses.Read("civitai/enums.json")).RootElement.GetProperty(name).EnumerateArray().Select(value => value.GetString()!).ToArray();

    private static void AssertStorybookFile(ModelFile file)
    {
        Assert.Equal(Hub.Civitai, file.Hub);
        Assert.Equal("1231067", file.ModelId);
        Assert.Equal("1387174", file.VersionId);
        Assert.Equal("pp-storybook_rank2_bf16.safetensors", file.Name);
        Assert.Equal("pp-storybook_rank2_bf16.safetensors", file.Path);
        Assert.Equal(19281048, file.Size);
        Assert.Equal("Model", file.Kind);
        Assert.Equal("SafeTensor", file.Format);
        Assert.Null(file.Precision);
        Assert.Null(file.Variant);
        Assert.True(file.Primary);
        Assert.Equal("9753338ab693ca82bf89ed77a5d1912879e40051463ec6e330fb9866ce798668", file.Sha256);
        Assert.Equal("f414c813", file.AutoV1);
        Assert.Equal("9753338ab6", file.AutoV2);
        Assert.Equal("34a22376739d", file.AutoV3);
        Assert.Equal("a5f8ab95ac2486345e4accae541ff19d97ed53efb0a7cc9226636975a0437591", file.Blake3);
        Assert.Equal("a65ae7b3", file.Crc32);
        Assert.Equal(new Uri(Origin + "/api/download/models/1387174"), file.DownloadUrl);
        Assert.Equal("Success", file.PickleScan);
        Assert.Equal("No Pickle imports", file.PickleScanMessage);
        Assert.Equal("Success", file.VirusScan);
        Assert.Null(file.GitBlobId);
    }
}
