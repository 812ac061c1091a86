using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>The filters of /api/v1/models: tag, username, baseModels, period, ids, nsfw, primaryFileOnly.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class CivitaiFilterTests
{
    private readonly CivitaiApi _api;

    public CivitaiFilterTests(EmulatorFixture fixture)
    {
        _api = new CivitaiApi(fixture);
    }

    [Fact]
    public async Task TagUsernameAndBaseModelsFilter()
    {
        var first = (await _api.JsonAsync("/api/v1/models?types=LORA&limit=1"))["items"]![0]!;
        var tag = (string)first["tags"]![0]!;
        var username = (string)first["creator"]!["username"]!;
        var baseModel = (string)first["modelVersions"]![0]!["baseModel"]!;

        var tagged = await _api.AllPagesAsync("/api/v1/models?tag=" + Uri.EscapeDataString(tag));
        Assert.All(tagged, model => Assert.Contains(tag, model!["tags"]!.AsArray().Select(name => (string)name!)));
        var byUser = await _api.AllPagesAsync("/api/v1/models?username=" + Uri.EscapeDataString(username.ToUpperInvariant()));
        Assert.All(byUser, model => Assert.Equal(username, (string)model!["creator"]!["username"]!));
        var byBase = await _api.AllPagesAsync("/api/v1/models?baseModels=" + Uri.EscapeDataString(baseModel));
        Assert.All(byBase, model => Assert.Contains(baseModel, model!["modelVersions"]!.AsArray().Select(version => (string)version!["baseModel"]!)));
        Assert.All(new[] { tagged, byUser, byBase }, found => Assert.Contains((int)first["id"]!, found.Select(model => (int)model!["id"]!)));
    }

    [Fact]
    public async Task PeriodKeepsRecentModels()
    {
        var year = await _api.AllPagesAsync("/api/v1/models?period=Year");
        var all = await _api.AllPagesAsync("/api/v1/models");
        Assert.NotEmpty(year);
        Assert.True(year.Count < all.Count);
        var since = DateTimeOffset.UtcNow.AddDays(-366);
        Assert.All(year, model => Assert.True(model!["modelVersions"]!.AsArray()
            .Max(version => DateTimeOffset.Parse((string)version!["publishedAt"]!, CultureInfo.InvariantCulture)) >= since));
    }

    [Fact]
    public async Task IdsNsfwAndPrimaryFileOnly()
    {
        var everything = await _api.AllPagesAsync("/api/v1/models?nsfw=true&primaryFileOnly=true");
        var safe = await _api.AllPagesAsync("/api/v1/models");
        Assert.True(everything.Count > safe.Count);
        Assert.Contains(everything, model => (bool)model!["nsfw"]!);
        Assert.All(everything.SelectMany(model => model!["modelVersions"]!.AsArray()), version =>
            Assert.True(version!["files"]!.AsArray().All(file => (bool?)file!["primary"] == true)));

        var ids = everything.Take(3).Select(model => (int)model!["id"]!).ToList();
        var byIds = (await _api.JsonAsync($"/api/v1/models?nsfw=true&ids={string.Join(',', ids)}"))["items"]!.AsArray();
        Assert.Equal(ids.Order(), byIds.Select(model => (int)model!["id"]!).Order());
    }
}
