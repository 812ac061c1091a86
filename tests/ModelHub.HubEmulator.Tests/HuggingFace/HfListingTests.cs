using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ModelHub.HubEmulator.HuggingFace;
using Xunit;

namespace ModelHub.HubEmulator.Tests.HuggingFace;

[Collection(EmulatorCollection.Name)]
public sealed partial class HfListingTests
{
    private readonly EmulatorFixture _fixture;
    private readonly HfRequests _hf;

    public HfListingTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _hf = new HfRequests(fixture.Http, fixture.Origins);
    }

    [Fact]
    public async Task Listing_pages_through_every_visible_repo_with_link_headers_and_none_on_the_last_page()
    {
        var ids = await ListAllAsync(_hf, "/api/models?limit=40", null);

        Assert.Equal(ids.Count, ids.Distinct().Count());
        // Every generated repo but the private and the disabled one, and the recorded ones.
        Assert.Equal(_fixture.Host.Services.Options.CatalogSize - 2 + RecordedRepoCount(), ids.Count);
        Assert.DoesNotContain(HfRepoIds.Private, ids);
        Assert.DoesNotContain(HfRepoIds.Disabled, ids);
    }

    [Fact]
    public async Task Listing_with_3000_generated_repos_pages_to_the_end()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Quiet = true, CatalogSize = 3000 });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var ids = await ListAllAsync(new HfRequests(http, host.Origins), "/api/models?sort=downloads", EmulatorTokens.HuggingFaceValid);

        Assert.Equal(3000 - 1 + RecordedRepoCount(), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task First_page_of_the_default_listing_holds_only_public_unrestricted_safe_repos()
    {
        var page = (await _hf.JsonAsync("/api/models?full=true")).AsArray();

        Assert.Equal(ModelApi.ListPageSize, page.Count);
        foreach (var model in page)
        {
            Assert.False(model!["private"]!.GetValue<bool>());
            Assert.False(model["gated"]!.GetValue<bool>());
            Assert.DoesNotContain("not-for-all-audiences", model["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()));
            Assert.NotEqual(HfRepoIds.Benchmark, model["id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Default_list_items_have_the_short_key_set()
    {
        var item = (await _hf.JsonAsync("/api/models?limit=1")).AsArray().Single()!.AsObject();

        Assert.Equal(["_id", "id", "likes", "trendingScore", "private", "downloads", "tags", "pipeline_tag", "library_name", "createdAt", "modelId"], item.Select(pair => pair.Key));
        Assert.Matches("^[0-9a-f]{24}$", item["_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("expand=downloads&expand=gated&expand=lastModified")]
    [InlineData("expand[]=downloads&expand[]=gated&expand[]=lastModified")]
    [InlineData("expand%5B%5D=downloads&expand=gated&expand%5B%5D=lastModified")]
    public async Task Expand_in_either_form_returns_only_id_and_the_listed_keys(string expand)
    {
        foreach (var item in (await _hf.JsonAsync("/api/models?limit=5&" + expand)).AsArray())
        {
            Assert.Equal(["_id", "downloads", "gated", "id", "lastModified"], item!.AsObject().Select(pair => pair.Key).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Filters_author_search_pipeline_and_library_select_matching_repos()
    {
        var loras = (await _hf.JsonAsync("/api/models?filter=lora&filter=template:sd-lora&author=modelhub-emulator&limit=100")).AsArray();
        Assert.Contains(loras, model => model!["id"]!.GetValue<string>() == HfRepoIds.ExampleLora);
        Assert.All(loras, model =>
        {
            Assert.StartsWith(HfRepoIds.Owner + "/", model!["id"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("lora", model["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()));
        });

        var searched = (await _hf.JsonAsync("/api/models?search=EXAMPLE-PIPE&pipeline_tag=text-to-image&library=diffusers")).AsArray();
        Assert.Equal(HfRepoIds.ExamplePipeline, Assert.Single(searched)!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("downloads")]
    [InlineData("likes")]
    [InlineData("createdAt")]
    [InlineData("lastModified")]
    [InlineData("trendingScore")]
    public async Task Sort_orders_descending_and_direction_1_ascending(string sort)
    {
        var expand = $"&expand={sort}";
        var descending = Values((await _hf.JsonAsync($"/api/models?sort={sort}&limit=50{expand}")).AsArray(), sort);
        var ascending = Values((await _hf.JsonAsync($"/api/models?sort={sort}&direction=1&limit=50{expand}")).AsArray(), sort);

        Assert.Equal(descending.OrderByDescending(value => value, StringComparer.Ordinal), descending);
        Assert.Equal(ascending.OrderBy(value => value, StringComparer.Ordinal), ascending);
    }

    [Fact]
    public async Task Private_repo_is_listed_for_the_valid_token_only_and_an_expired_token_is_refused()
    {
        Assert.Contains(HfRepoIds.Private, await ListAllAsync(_hf, "/api/models?author=" + HfRepoIds.PrivateOrganisation, EmulatorTokens.HuggingFaceValid));
        Assert.DoesNotContain(HfRepoIds.Private, await ListAllAsync(_hf, "/api/models?author=" + HfRepoIds.PrivateOrganisation, EmulatorTokens.HuggingFaceNoAccess));

        using var expired = await _hf.GetAsync("/api/models", EmulatorTokens.HuggingFaceExpired);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("Invalid credentials in Authorization header", HfRequests.Header(expired, "X-Error-Message"));
    }

    /// <summary>Follows Link to the end, checking each header is what huggingface.js's regex accepts: absolute, on the origin, with a cursor.</summary>
    internal static async Task<List<string>> ListAllAsync(HfRequests hf, string first, string? token)
    {
        var ids = new List<string>();
        string? next = first;
        while (next is not null)
        {
            using var response = await hf.GetAsync(next, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            ids.AddRange(page.Select(model => model!["id"]!.GetValue<string>()));
            next = null;
            if (HfRequests.Header(response, "Link") is { } link)
            {
                var match = JsLinkPattern().Match(link);
                Assert.True(match.Success && match.Groups["rel"].Value == "next", $"Link '{link}' is not what huggingface.js parses.");
                next = match.Groups["url"].Value;
                Assert.StartsWith(hf.Url("/api/models?").AbsoluteUri, next, StringComparison.Ordinal);
                Assert.Contains("cursor=", next, StringComparison.Ordinal);
                Assert.NotEmpty(page);
            }
        }

        return ids;
    }

    private int RecordedRepoCount() => _fixture.Host.Services.Recorded.IsAvailable ? 6 : 0;

    private static List<string> Values(JsonArray page, string key) =>
        page.Select(model => model![key]!.ToJsonString().PadLeft(40, '0')).ToList();

    [GeneratedRegex("<(?<url>https?:[/][/][^>]+)>;\\s+rel=\"(?<rel>[^\"]+)\"")]
    private static partial Regex JsLinkPattern();
}
