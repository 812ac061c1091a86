using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModelHub.Cards;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Hubs.Civitai;

/// <summary>A Civitai model's card: the model and version descriptions, permissions, stats, creator and early access, in both schemas.</summary>
public sealed class CivitaiCardTests : IDisposable
{
    private readonly CivitaiHarness _civitai = new();

    public void Dispose() => _civitai.Dispose();

    [Fact]
    public async Task A_modern_model_reads_the_latest_versions_description_from_the_version_endpoint()
    {
        _civitai.AnswerRecorded("model-1231067.json").AnswerRecorded("model-version-1387174.json");

        var card = await GetCardAsync("1231067", null);

        Assert.Equal(new[] { "/api/v1/models/1231067", "/api/v1/model-versions/1387174" }, _civitai.Requests);
        Assert.Equal((Hub.Civitai, "1231067", "1387174"), (card.Hub, card.Id, card.VersionId));
        Assert.Equal("Vivid Impressions Storybook Style - v1.0", card.Title);
        Assert.Equal("CommercialUse=Image,RentCivit,Rent,Sell; AllowNoCredit; AllowDerivatives; AllowDifferentLicense", card.License);
        Assert.Equal(BaseModels.FromCivitai("Flux.1 D"), card.BaseModel);
        Assert.Equal(new[] { "ppstorybook" }, card.TrainedWords);
        Assert.Equal(new[] { "style", "illustration", "storybook" }, card.Tags);
        Assert.Contains("[Ko-Fi](https://ko-fi.com/pixelpawsai)", card.Markdown);
        Assert.Contains("visit my Ko-Fi page.", card.Text);
        Assert.StartsWith("<h3 id=", card.Raw);
        Assert.Equal(new Uri("https://civitai.example/models/1231067?modelVersionId=1387174"), card.Url);
        Assert.Empty(card.Warnings);

        var metadata = Assert.IsType<List<KeyValuePair<string, object?>>>(card.Metadata);
        Assert.Equal(
            new[] { "CommercialUse", "AllowNoCredit", "AllowDerivatives", "AllowDifferentLicense", "Stats", "VersionStats", "Creator", "Availability", "EarlyAccessEndsAt", "Nsfw", "NsfwLevel", "Poi", "Type" },
            metadata.Select(pair => pair.Key));
        Assert.Equal(new object?[] { "Image", "RentCivit", "Rent", "Sell" }, Assert.IsType<List<object?>>(PlainValues.Member(metadata, "CommercialUse")));
        Assert.Equal(true, PlainValues.Member(metadata, "AllowNoCredit"));
        Assert.Equal(2183L, PlainValues.Member(PlainValues.Member(metadata, "Stats"), "downloadCount"));
        Assert.Equal(416L, PlainValues.Member(PlainValues.Member(metadata, "Stats"), "thumbsUpCount"));
        Assert.Equal(1436L, PlainValues.Member(PlainValues.Member(metadata, "VersionStats"), "downloadCount"));
        Assert.Equal("PixelPawsAI", PlainValues.Member(metadata, "Creator"));
        Assert.Equal("Public", PlainValues.Member(metadata, "Availability"));
        Assert.Null(PlainValues.Member(metadata, "EarlyAccessEndsAt"));
        Assert.Equal((false, 1L, false, "LORA"), (PlainValues.Member(metadata, "Nsfw"), PlainValues.Member(metadata, "NsfwLevel"), PlainValues.Member(metadata, "Poi"), PlainValues.Member(metadata, "Type")));
    }

    [Fact]
    public async Task The_version_description_follows_the_models_under_the_versions_name_and_early_access_is_in_the_metadata()
    {
        var model = """{"id":42,"name":"Lanterns","description":"<p>Model text.</p>","type":"LORA","availability":"Public","creator":{"username":"maker"},"modelVersions":[{"id":421,"name":"v2 <beta>","baseModel":"SDXL 1.0","trainedWords":["lantern glow"]}]}""";
        var version = """{"id":421,"modelId":42,"name":"v2 <beta>","baseModel":"SDXL 1.0","trainedWords":["lantern glow"],"availability":"EarlyAccess","earlyAccessEndsAt":"2026-12-01T00:00:00.000Z","description":"<p>Version <a href=\"https://x.example/notes\">notes</a>.</p><script>steal()</script>"}""";
        _civitai.Answer(model, version);

        var card = await GetCardAsync("42", "421");

        Assert.Equal(new[] { "/api/v1/models/42", "/api/v1/model-versions/421" }, _civitai.Requests);
        Assert.Equal("Lanterns - v2 <beta>", card.Title);
        Assert.Equal("Model text.\n\n## v2 \\<beta>\n\nVersion [notes](https://x.example/notes).", card.Markdown);
        Assert.Equal("Model text.\n\nv2 <beta>\n\nVersion notes.", card.Text);
        Assert.Equal("<p>Model text.</p>\n<p>Version <a href=\"https://x.example/notes\">notes</a>.</p><script>steal()</script>", card.Raw);
        Assert.Equal(new[] { "lantern glow" }, card.TrainedWords);
        Assert.Null(card.License);
        Assert.Equal("EarlyAccess", PlainValues.Member(card.Metadata, "Availability"));
        Assert.Equal("2026-12-01T00:00:00.0000000+00:00", PlainValues.Member(card.Metadata, "EarlyAccessEndsAt"));
        Assert.Equal("maker", PlainValues.Member(card.Metadata, "Creator"));
    }

    [Fact]
    public async Task A_2023_model_lists_its_version_descriptions_so_one_request_does()
    {
        using var page = JsonDocument.Parse(RecordedResponses.Read("civitai/wiki-models-page-textualinversion.json"));
        var charTurner = page.RootElement.GetProperty("items").EnumerateArray().First(item => item.GetProperty("id").GetInt64() == 3036).GetRawText();
        _civitai.Answer(charTurner);

        var card = await GetCardAsync("3036", "8387");

        Assert.Equal(new[] { "/api/v1/models/3036" }, _civitai.Requests);
        Assert.Equal("8387", card.VersionId);
        Assert.Equal("CharTurner - Character Turnaround helper for 1.5 AND 2.1! - CharTurner V2 - For 1.5", card.Title);
        Assert.Equal("SD 1.5", card.BaseModel);
        Assert.Equal(new[] { "charturnerv2" }, card.TrainedWords);
        Assert.Equal("CommercialUse=Rent; AllowNoCredit; AllowDerivatives; AllowDifferentLicense", card.License);
        Assert.StartsWith("# CharTurner\n\n", card.Markdown);
        Assert.Contains("\n\n## CharTurner V2 - For 1.5\n\n2.1 and LoRa versions coming soon.", card.Markdown);
        Assert.Contains("\n\nCharTurner V2 - For 1.5\n\n2.1 and LoRa versions coming soon.", card.Text);
        Assert.Equal("mousewrites", PlainValues.Member(card.Metadata, "Creator"));
        Assert.Equal(7433L, PlainValues.Member(PlainValues.Member(card.Metadata, "Stats"), "favoriteCount"));
        Assert.Equal(new object?[] { "Rent" }, Assert.IsType<List<object?>>(PlainValues.Member(card.Metadata, "CommercialUse")));
        Assert.Equal(new Uri("https://civitai.example/models/3036?modelVersionId=8387"), card.Url);
    }

    [Fact]
    public async Task A_model_without_versions_is_its_own_description()
    {
        _civitai.Answer("""{"id":7,"name":"Bare","description":null,"modelVersions":[]}""");

        var card = await GetCardAsync("7", null);

        Assert.Equal(("Bare", (string?)null, string.Empty, string.Empty), (card.Title, card.VersionId, card.Markdown, card.Raw));
        Assert.Equal(new Uri("https://civitai.example/models/7"), card.Url);
        Assert.Single(_civitai.Requests);
    }

    [Fact]
    public async Task An_unknown_model_is_not_found()
    {
        _civitai.Hub.Then(() => FakeHub.Json(HttpStatusCode.NotFound, "{\"error\":\"No model with id 99\"}"));

        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => GetCardAsync("99", null));

        Assert.Equal((ErrorIds.HubModelNotFound, "99"), (error.ErrorId, error.Target));
    }

    [Fact]
    public async Task A_version_the_model_does_not_list_is_read_and_one_of_another_model_is_not_found()
    {
        _civitai.Answer(new JsonObject { ["id"] = 42, ["modelVersions"] = new JsonArray() }.ToJsonString(), """{"id":500,"modelId":43}""");

        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => GetCardAsync("42", "500"));

        Assert.Equal((ErrorIds.HubModelNotFound, "42@500"), (error.ErrorId, error.Target));
        Assert.Equal(new[] { "/api/v1/models/42", "/api/v1/model-versions/500" }, _civitai.Requests);
    }

    [Fact]
    public async Task A_version_id_that_is_not_a_number_is_not_found_without_asking_the_hub()
    {
        var error = await Assert.ThrowsAsync<HubNotFoundException>(() => GetCardAsync("42", "v1"));

        Assert.Equal("42@v1", error.Target);
        Assert.Empty(_civitai.Hub.Requests);
    }

    private Task<ModelCard> GetCardAsync(string modelId, string? versionId) =>
        _civitai.Http.RunAsync(cancellationToken => _civitai.Source.GetCardAsync(modelId, versionId, HubCallOptions.Default, cancellationToken));
}
