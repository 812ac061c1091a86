using System;
using System.Linq;
using System.Threading.Tasks;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Hubs.Civitai;

/// <summary>
/// The shapes of civitai-api.md in answers the tests write themselves, so the suite stands without the recorded
/// ones: both schemas, every variant form of a field, and fields left out.
/// </summary>
public sealed class CivitaiWrittenMappingTests : IDisposable
{
    private const string Origin = HttpHarness.CivitaiOrigin;
    private readonly CivitaiHarness _civitai = new();

    public void Dispose() => _civitai.Dispose();

    [Fact]
    public async Task Maps_a_modern_model()
    {
        _civitai.Answer("""
            {
              "id": 4201, "name": "Modern LoCon", "allowNoCredit": false, "allowCommercialUse": ["Image", "Sell"],
              "allowDerivatives": true, "allowDifferentLicense": false, "type": "LoCon", "poi": true, "nsfw": false, "nsfwLevel": 6,
              "availability": "Public",
              "stats": { "downloadCount": 1200, "favoriteCount": 0, "thumbsUpCount": 77, "thumbsDownCount": 1, "ratingCount": 0, "rating": 0 },
              "creator": { "username": "alice", "image": null },
              "tags": ["style", "anime"],
              "modelVersions": [
                {
                  "id": 902, "index": 0, "name": "v2", "baseModel": "Illustrious", "baseModelType": "Standard",
                  "createdAt": "2025-03-01T10:00:00.000Z", "publishedAt": "2025-03-02T10:00:00.000Z", "status": "Published",
                  "availability": "EarlyAccess", "nsfwLevel": 6, "trainedWords": ["alice style", "bright"],
                  "earlyAccessDeadline": "2025-03-09T10:00:00.000Z",
                  "files": [
                    { "id": 1, "sizeKB": 0.5, "name": "v2.safetensors", "type": "Model", "metadata": { "format": "SafeTensor", "size": "pruned", "fp": "fp16" },
                      "hashes": { "SHA256": "ABCDEF", "AutoV3": "A1B2C3D4E5F6" }, "pickleScanResult": "Pending", "virusScanResult": "Pending",
                      "downloadUrl": "https://civitai.com/api/download/models/902", "primary": true },
                    { "id": 2, "sizeKB": 10, "name": "v2-data.zip", "type": "Training Data", "metadata": {}, "hashes": {},
                      "downloadUrl": "https://civitai.com/api/download/models/902?type=Training%20Data" }
                  ]
                },
                { "id": 901, "index": 1, "name": "v1", "baseModel": "SDXL 1.0", "createdAt": "2025-01-01T10:00:00.000Z",
                  "publishedAt": "2025-01-01T11:00:00.000Z", "trainedWords": [], "files": [] }
              ]
            }
            """);

        var model = await _civitai.GetModelAsync("4201");

        Assert.Equal("4201", model.Id);
        Assert.Equal("Modern LoCon", model.Name);
        Assert.Equal(ModelType.LyCORIS, model.Type);
        Assert.Equal("Illustrious", model.BaseModel);
        Assert.Equal("Illustrious", model.BaseModelRaw);
        Assert.Equal("alice", model.Author);
        Assert.Equal(new[] { "style", "anime" }, model.Tags);
        Assert.Equal(1200, model.Downloads);
        Assert.Equal(77, model.Likes);
        Assert.Null(model.Rating);
        Assert.Null(model.RatingCount);
        Assert.True(model.Nsfw);
        Assert.Equal(6, model.NsfwLevel);
        Assert.True(model.Poi);
        Assert.Equal("CommercialUse=Image,Sell; AllowDerivatives", model.License);
        Assert.Equal(new[] { "Image", "Sell" }, model.CommercialUse);
        Assert.False(model.AllowNoCredit);
        Assert.True(model.AllowDerivatives);
        Assert.False(model.AllowDifferentLicense);
        Assert.True(model.Gated);
        Assert.Equal(DateTimeOffset.Parse("2025-01-01T10:00:00Z"), model.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2025-03-02T10:00:00Z"), model.UpdatedAt);
        Assert.Equal(new Uri(Origin + "/models/4201"), model.Url);
        Assert.Equal("urn:air:illustrious:lycoris:civitai:4201@902", model.Air);
        Assert.Equal(new[] { "902", "901" }, model.Versions.Select(version => version.VersionId));
        Assert.Same(model.Versions[0], model.LatestVersion);

        var latest = model.Versions[0];
        Assert.Equal("v2", latest.Name);
        Assert.Equal(new[] { "alice style", "bright" }, latest.TrainedWords);
        Assert.Equal(DateTimeOffset.Parse("2025-03-09T10:00:00Z"), latest.EarlyAccessEndsAt);
        Assert.Equal("SDXL", model.Versions[1].BaseModel);
        Assert.Equal("urn:air:sdxl:lycoris:civitai:4201@901", model.Versions[1].Air);

        var weights = latest.Files[0];
        Assert.Equal(512, weights.Size);
        Assert.Equal("SafeTensor", weights.Format);
        Assert.Equal("fp16", weights.Precision);
        Assert.Equal("pruned", weights.Variant);
        Assert.True(weights.Primary);
        Assert.Equal("abcdef", weights.Sha256);
        Assert.Equal("a1b2c3d4e5f6", weights.AutoV3);
        Assert.Null(weights.AutoV2);
        Assert.Equal("Pending", weights.PickleScan);
        Assert.Null(weights.PickleScanMessage);

        var data = latest.Files[1];
        Assert.Equal("Training Data", data.Kind);
        Assert.False(data.Primary);
        Assert.Null(data.Format);
        Assert.Null(data.Sha256);
        Assert.Equal(10240, data.Size);
        Assert.Equal(new Uri(Origin + "/api/download/models/902?type=Training%20Data"), data.DownloadUrl);
    }

    [Fact]
    public async Task Maps_a_2023_model()
    {
        _civitai.Answer("""
            {
              "id": 77, "name": "Old Checkpoint", "type": "Checkpoint", "poi": false, "nsfw": false,
              "allowNoCredit": true, "allowCommercialUse": "Sell", "allowDerivatives": false, "allowDifferentLicense": false,
              "stats": { "downloadCount": 5000, "favoriteCount": 321, "commentCount": 4, "ratingCount": 12, "rating": 4.5 },
              "creator": { "username": "bob", "image": "https://imagecache.civitai.com/x/width=96/bob.jpeg" },
              "tags": [{ "name": "photorealistic" }, { "name": "portraits" }],
              "modelVersions": [
                { "id": 770, "modelId": 77, "name": "v1", "createdAt": "2023-01-01T00:00:00.000Z", "updatedAt": "2023-02-01T00:00:00.000Z",
                  "trainedWords": ["oldstyle"], "baseModel": "SD 1.5", "earlyAccessTimeFrame": 0, "description": null,
                  "stats": { "downloadCount": 5000, "ratingCount": 12, "rating": 4.5 },
                  "files": [ { "name": "old.ckpt", "id": 7, "sizeKB": 2048, "type": "Model",
                               "metadata": { "fp": "fp32", "size": "full", "format": "PickleTensor" },
                               "pickleScanResult": "Success", "pickleScanMessage": "No Pickle imports", "virusScanResult": "Success",
                               "hashes": { "AutoV1": "0A1B2C3D", "SHA256": "FF00" }, "downloadUrl": "https://civitai.com/api/download/models/770", "primary": true } ],
                  "images": [ { "url": "https://imagecache.civitai.com/x/width=450/1.jpeg", "nsfw": "None", "width": 512, "height": 512, "hash": "U", "meta": null } ],
                  "downloadUrl": "https://civitai.com/api/download/models/770" }
              ]
            }
            """);

        var model = await _civitai.GetModelAsync("77");

        Assert.Equal(ModelType.Checkpoint, model.Type);
        Assert.Equal("SD 1.5", model.BaseModel);
        Assert.Equal("bob", model.Author);
        Assert.Equal(new[] { "photorealistic", "portraits" }, model.Tags);
        Assert.Equal(5000, model.Downloads);
        Assert.Equal(321, model.Likes);
        Assert.Equal(4.5, model.Rating);
        Assert.Equal(12, model.RatingCount);
        Assert.False(model.Nsfw);
        Assert.Null(model.NsfwLevel);
        Assert.Equal(new[] { "Sell" }, model.CommercialUse);
        Assert.Equal("CommercialUse=Sell; AllowNoCredit", model.License);
        Assert.False(model.Gated);
        Assert.Equal(DateTimeOffset.Parse("2023-01-01T00:00:00Z"), model.CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2023-02-01T00:00:00Z"), model.UpdatedAt);
        Assert.Equal("urn:air:sd1:checkpoint:civitai:77@770", model.Air);
        var file = Assert.Single(model.LatestVersion!.Files);
        Assert.Equal(2097152, file.Size);
        Assert.Equal("fp32", file.Precision);
        Assert.Equal("0a1b2c3d", file.AutoV1);
        Assert.Equal("ff00", file.Sha256);
    }

    [Theory]
    [InlineData("[\"Image\",\"RentCivit\"]", new[] { "Image", "RentCivit" })]
    [InlineData("\"Rent\"", new[] { "Rent" })]
    [InlineData("\"None\"", new[] { "None" })]
    [InlineData("\"{Image,RentCivit}\"", new[] { "Image", "RentCivit" })]
    [InlineData("\"{Image, \\\"Sell\\\"}\"", new[] { "Image", "Sell" })]
    [InlineData("\"{}\"", new string[0])]
    [InlineData("[]", new string[0])]
    [InlineData("null", new string[0])]
    public async Task Reads_commercial_use_as_an_array_a_string_or_a_Postgres_literal(string json, string[] expected)
    {
        _civitai.Answer("{\"id\":1,\"allowCommercialUse\":" + json + "}");

        var model = await _civitai.GetModelAsync("1");

        Assert.Equal(expected, model.CommercialUse);
    }

    [Fact]
    public async Task A_model_with_nothing_but_an_id_maps_with_every_optional_field_empty()
    {
        _civitai.Answer("{\"id\":5}");

        var model = await _civitai.GetModelAsync("5");

        Assert.Equal("5", model.Id);
        Assert.Equal(string.Empty, model.Name);
        Assert.Equal(ModelType.Other, model.Type);
        Assert.Equal(BaseModels.Unknown, model.BaseModel);
        Assert.Null(model.BaseModelRaw);
        Assert.Null(model.Author);
        Assert.Empty(model.Tags);
        Assert.Null(model.Downloads);
        Assert.Null(model.Likes);
        Assert.Null(model.Rating);
        Assert.False(model.Nsfw);
        Assert.Null(model.NsfwLevel);
        Assert.False(model.Poi);
        Assert.Null(model.License);
        Assert.Empty(model.CommercialUse);
        Assert.Null(model.AllowNoCredit);
        Assert.False(model.Gated);
        Assert.Null(model.CreatedAt);
        Assert.Null(model.UpdatedAt);
        Assert.Equal(new Uri(Origin + "/models/5"), model.Url);
        Assert.Null(model.Air);
        Assert.Null(model.LatestVersion);
        Assert.Empty(model.Versions);
        Assert.Equal("{\"id\":5}", model.Raw);
    }

    [Fact]
    public async Task A_version_and_a_file_with_nothing_but_ids_map_without_failing()
    {
        _civitai.Answer("{\"id\":5,\"type\":\"LORA\",\"stats\":null,\"creator\":null,\"modelVersions\":[{\"id\":50,\"files\":[{}],\"trainedWords\":null}]}");

        var version = Assert.Single((await _civitai.GetModelAsync("5")).Versions);

        Assert.Equal(string.Empty, version.Name);
        Assert.Equal(BaseModels.Unknown, version.BaseModel);
        Assert.Empty(version.TrainedWords);
        Assert.Null(version.PublishedAt);
        Assert.Equal("urn:air:other:lora:civitai:5@50", version.Air);
        var file = Assert.Single(version.Files);
        Assert.Equal(string.Empty, file.Name);
        Assert.Null(file.Size);
        Assert.Null(file.Kind);
        Assert.False(file.Primary);
        // Without a downloadUrl the version's download endpoint is asked, so Civitai itself says why (410 archived).
        Assert.Equal(new Uri(Origin + "/api/download/models/50"), file.DownloadUrl);
    }

    [Fact]
    public async Task Unknown_types_are_Other_and_unknown_base_models_are_their_own_family()
    {
        _civitai.Answer("{\"id\":6,\"type\":\"Wildcards\",\"modelVersions\":[{\"id\":60,\"baseModel\":\"Kolors\"}]}");

        var model = await _civitai.GetModelAsync("6");

        Assert.Equal(ModelType.Other, model.Type);
        Assert.Equal("Kolors", model.BaseModel);
        Assert.Equal("Kolors", model.BaseModelRaw);
        Assert.Equal("urn:air:other:other:civitai:6@60", model.Air);
    }

    [Fact]
    public async Task Numbers_sent_as_strings_and_fractions_are_read()
    {
        _civitai.Answer("""
            {"id":"8","nsfwLevel":"16","poi":"true","stats":{"downloadCount":"42","thumbsUpCount":7.0,"ratingCount":"3","rating":"4.25"},
             "modelVersions":[{"id":"80","files":[{"sizeKB":"1.5"}]}]}
            """);

        var model = await _civitai.GetModelAsync("8");

        Assert.Equal("8", model.Id);
        Assert.Equal(16, model.NsfwLevel);
        Assert.True(model.Nsfw);
        Assert.True(model.Poi);
        Assert.Equal(42, model.Downloads);
        Assert.Equal(7, model.Likes);
        Assert.Equal(3, model.RatingCount);
        Assert.Equal(4.25, model.Rating);
        Assert.Equal("80", model.LatestVersion!.VersionId);
        Assert.Equal(1536, Assert.Single(model.LatestVersion.Files).Size);
    }

    [Theory]
    [InlineData("\"nsfw\":true", true)]
    [InlineData("\"nsfw\":false", false)]
    [InlineData("\"nsfw\":\"None\"", false)]
    [InlineData("\"nsfw\":\"Soft\"", false)]
    [InlineData("\"nsfw\":\"Mature\"", true)]
    [InlineData("\"nsfw\":\"X\"", true)]
    [InlineData("\"nsfwLevel\":1", false)]
    [InlineData("\"nsfwLevel\":3", false)]
    [InlineData("\"nsfwLevel\":4", true)]
    [InlineData("\"nsfwLevel\":31", true)]
    [InlineData("\"nsfw\":false,\"nsfwLevel\":8", true)]
    public async Task Nsfw_is_the_flag_in_either_form_or_a_level_above_PG13(string fields, bool nsfw)
    {
        _civitai.Answer("{\"id\":9," + fields + "}");

        Assert.Equal(nsfw, (await _civitai.GetModelAsync("9")).Nsfw);
    }

    [Theory]
    [InlineData("\"availability\":\"EarlyAccess\"", "{\"id\":1}", true)]
    [InlineData("\"availability\":\"Public\"", "{\"id\":1,\"availability\":\"EarlyAccess\"}", true)]
    [InlineData("\"availability\":\"Public\"", "{\"id\":1,\"earlyAccessDeadline\":\"2030-01-01T00:00:00Z\"}", true)]
    [InlineData("\"availability\":\"Public\"", "{\"id\":1,\"availability\":\"Public\"}", false)]
    public async Task Gated_means_early_access_on_the_model_or_its_latest_version(string modelFields, string latestVersion, bool gated)
    {
        _civitai.Answer("{\"id\":10," + modelFields + ",\"modelVersions\":[" + latestVersion + ",{\"id\":2,\"availability\":\"EarlyAccess\"}]}");

        Assert.Equal(gated, (await _civitai.GetModelAsync("10")).Gated);
    }

    [Fact]
    public async Task The_version_endpoints_early_access_end_is_read()
    {
        _civitai.Answer("{\"id\":11,\"modelVersions\":[{\"id\":110,\"earlyAccessEndsAt\":\"2026-12-01T00:00:00.000Z\"}]}");

        Assert.Equal(DateTimeOffset.Parse("2026-12-01T00:00:00Z"), (await _civitai.GetModelAsync("11")).LatestVersion!.EarlyAccessEndsAt);
    }

    [Fact]
    public async Task The_hubs_air_wins_over_the_computed_one()
    {
        _civitai.Answer("{\"id\":12,\"type\":\"LORA\",\"modelVersions\":[{\"id\":120,\"baseModel\":\"Kolors\",\"air\":\"urn:air:kolors:lora:civitai:12@120\"}]}");

        Assert.Equal("urn:air:kolors:lora:civitai:12@120", (await _civitai.GetModelAsync("12")).Air);
    }

    [Fact]
    public async Task Download_links_on_another_origin_move_onto_the_endpoint_and_links_already_there_stay()
    {
        _civitai.Answer("""
            {"id":13,"modelVersions":[{"id":130,"files":[
              {"name":"a","downloadUrl":"https://civitai.com/api/download/models/130?type=Model&format=PickleTensor"},
              {"name":"b","downloadUrl":"https://civitai.example/mirror/api/download/models/130"},
              {"name":"c","downloadUrl":"not a url"}]}]}
            """);

        var files = (await _civitai.GetModelAsync("13")).LatestVersion!.Files;

        Assert.Equal(new Uri(Origin + "/api/download/models/130?type=Model&format=PickleTensor"), files[0].DownloadUrl);
        Assert.Equal(new Uri(Origin + "/mirror/api/download/models/130"), files[1].DownloadUrl);
        Assert.Equal(new Uri(Origin + "/api/download/models/130"), files[2].DownloadUrl);
    }
}
