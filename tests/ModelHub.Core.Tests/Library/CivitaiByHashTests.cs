using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ModelHub.Discovery;
using Xunit;

namespace ModelHub.Tests.Library;

public sealed class CivitaiByHashTests
{
    [Fact]
    public async Task Hashes_are_posted_a_hundred_at_a_time_and_only_the_matched_ones_come_back()
    {
        using var harness = new LibraryHarness();
        var known = new string('f', 64);
        harness.CivitaiKnows(known);
        var hashes = Enumerable.Range(0, 149).Select(index => index.ToString("x64")).Append(known).ToList();

        var matches = await harness.Http.RunAsync(cancellation => harness.Http.Runtime.Discovery.FindByHashAsync(Hub.Civitai, hashes, new HubCallOptions(), cancellation));

        Assert.Equal(new[] { 100, 50 }, harness.ByHashRequests.Select(request => request.Count));
        Assert.All(harness.Http.Hub.Requests, request => Assert.Equal(HttpMethod.Post, request.Method));
        var match = Assert.Single(matches);
        Assert.Equal((known, "1231067", "1387174", "Vivid Impressions Storybook Style", ModelType.LoRA), (match.Sha256, match.Version.ModelId, match.Version.VersionId, match.ModelName, match.Type));
        Assert.Equal("pp-storybook_rank2_bf16.safetensors", match.File.Name);
    }

    [Fact]
    public async Task Hugging_Face_has_no_lookup_by_hash_and_is_not_asked()
    {
        using var harness = new LibraryHarness();

        var matches = await harness.Http.RunAsync(cancellation => harness.Http.Runtime.Discovery.FindByHashAsync(Hub.HuggingFace, new[] { new string('a', 64) }, new HubCallOptions(), cancellation));

        Assert.Empty(matches);
        Assert.Empty(harness.Http.Hub.Requests);
    }
}
