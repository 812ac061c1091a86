using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using HtmlAgilityPack;
using ModelHub.Gallery;
using Xunit;

namespace ModelHub.Tests.Gallery;

public sealed class GalleryPageTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Writes_one_card_per_model_with_its_facts_and_install_command()
    {
        var page = Parse(new GalleryEntry(GallerySamples.Civitai()), new GalleryEntry(GallerySamples.HuggingFace()));

        var cards = All(page, "//article[@class='card']");
        Assert.Equal(2, cards.Count);
        var civitai = cards[0];
        Assert.Equal("Pixel Art XL", Text(One(civitai, ".//h2/a")));
        Assert.Equal("https://civitai.com/models/4201", One(civitai, ".//h2/a").GetAttributeValue("href", null));
        Assert.Equal(new[] { "Civitai", "LoRA", "SDXL" }, All(civitai, ".//ul[@class='chips']/li").Select(Text));
        Assert.Equal("123,456", Fact(civitai, "Downloads"));
        Assert.Equal("789", Fact(civitai, "Likes"));
        Assert.Equal("CreativeML Open RAIL++-M", Fact(civitai, "Licence"));
        Assert.Equal(new[] { "pixel art", "<lora:pixel:0.8>" }, All(civitai, ".//ul[@class='words']//code").Select(Text));
        Assert.Equal("Install-HubModel civitai:4201", Text(One(civitai, ".//div[@class='install']/code")));
        Assert.Equal("Install-HubModel hf:org/name", Text(One(cards[1], ".//div[@class='install']/code")));
        Assert.Equal("42", Fact(cards[1], "Downloads (30 days)"));
        Assert.Equal("lora", Fact(cards[1], "Tags"));
        Assert.Equal(new[] { "123456", "42" }, cards.Select(card => card.GetAttributeValue("data-downloads", null)));
        Assert.Equal(new[] { "Civitai", "HuggingFace" }, cards.Select(card => card.GetAttributeValue("data-hub", null)));
    }

    [Fact]
    public void Shows_each_image_lazily_with_its_generation_parameters()
    {
        var model = GallerySamples.Civitai();
        var page = Parse(new GalleryEntry(model, new[] { GallerySamples.Image(model.Id), GallerySamples.Image(model.Id, "https://image.civitai.com/abc/2.jpeg") }));

        var shots = All(page, "//details[@class='shot']");
        Assert.Equal(2, shots.Count);
        var image = One(shots[0], "./summary/img");
        Assert.Equal("lazy", image.GetAttributeValue("loading", null));
        Assert.Equal("https://image.civitai.com/abc/1.jpeg", image.GetAttributeValue("src", null));
        Assert.Equal("pixel art, a castle on a hill", image.GetAttributeValue("title", null));
        Assert.Equal("pixel art, a castle on a hill", Fact(shots[0], "Prompt"));
        Assert.Equal("blurry, lowres", Fact(shots[0], "Negative prompt"));
        Assert.Equal("18446744073709551615", Fact(shots[0], "Seed"));
        Assert.Equal("30", Fact(shots[0], "Steps"));
        Assert.Equal("DPM++ 2M Karras", Fact(shots[0], "Sampler"));
        Assert.Equal("7.5", Fact(shots[0], "CFG scale"));
        Assert.Equal("sd_xl_base_1.0", Fact(shots[0], "Model"));
        Assert.Equal("pixel-art-xl (lora, 0.8)", Fact(shots[0], "Resources"));
        Assert.Equal("https://image.civitai.com/abc/2.jpeg", One(shots[1], "./summary/img").GetAttributeValue("src", null));
    }

    [Fact]
    public void A_model_without_images_still_gets_its_card()
    {
        var page = Parse(new GalleryEntry(GallerySamples.HuggingFace()));

        Assert.Empty(All(page, "//img"));
        Assert.Equal("No sample images", Text(One(page, "//article//p[@class='no-shots']")));
    }

    [Fact]
    public void Shows_hostile_names_prompts_and_words_as_text()
    {
        var hostile = new Model
        {
            Hub = Hub.Civitai,
            Id = "666",
            Name = GallerySamples.HostileName,
            Author = "\"><img src=x onerror=alert(2)>",
            License = "<b onmouseover=alert(3)>MIT</b>",
            Tags = new[] { "' onfocus='alert(4)" },
            LatestVersion = new ModelVersion { TrainedWords = new[] { "</code><script>alert(5)</script>" } },
        };
        var image = new ModelImage { Url = new Uri("https://img.example/1.png"), Prompt = "\"><script>alert(6)</script>", Sampler = "<iframe src=//evil>" };
        var html = GalleryPage.Build(new[] { new GalleryEntry(hostile, new[] { image }) }, Now);
        var page = Load(html);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Equal(GallerySamples.HostileName, Text(One(page, "//article//h2")));
        Assert.Single(All(page, "//script"));
        Assert.Empty(All(page, "//iframe"));
        Assert.Empty(All(page, "//b"));
        Assert.DoesNotContain(page.DocumentNode.Descendants().SelectMany(node => node.Attributes), attribute => attribute.Name.StartsWith("on", StringComparison.Ordinal));
        Assert.Equal(new[] { "https://img.example/1.png" }, All(page, "//img").Select(node => node.GetAttributeValue("src", null)));
        Assert.Equal("\"><script>alert(6)</script>", Fact(page.DocumentNode, "Prompt"));
        Assert.Equal("<iframe src=//evil>", Fact(page.DocumentNode, "Sampler"));
        Assert.Equal("by \"><img src=x onerror=alert(2)>", Text(One(page, "//p[@class='byline']")));
        Assert.Equal("<b onmouseover=alert(3)>MIT</b>", Fact(page.DocumentNode, "Licence"));
        Assert.Equal("</code><script>alert(5)</script>", Text(One(page, "//ul[@class='words']//code")));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("vbscript:msgbox(1)")]
    public void Links_and_images_go_only_to_http_or_https(string url)
    {
        var hostile = new Model { Hub = Hub.Civitai, Id = "1", Name = "x", Url = new Uri(url) };
        var page = Parse(new GalleryEntry(hostile, new[] { new ModelImage { Url = new Uri(url) }, GallerySamples.Image("1") }));

        Assert.Empty(All(page, "//h2/a"));
        Assert.Equal(new[] { "https://image.civitai.com/abc/1.jpeg" }, All(page, "//img").Select(node => node.GetAttributeValue("src", null)));
        Assert.All(All(page, "//a[@href]"), link => Assert.StartsWith("https://", link.GetAttributeValue("href", null)));
    }

    [Fact]
    public void Carries_a_restrictive_policy_that_allows_exactly_its_own_style_and_script()
    {
        var page = Parse(new GalleryEntry(GallerySamples.Civitai()));

        // The policy applies only to what follows it: it comes right after the charset, before the style and script.
        var policy = All(page, "//head/meta")[1];
        Assert.Equal("Content-Security-Policy", policy.GetAttributeValue("http-equiv", null));
        var directives = HtmlEntity.DeEntitize(policy.GetAttributeValue("content", string.Empty)).Split(';').Select(directive => directive.Trim()).ToArray();
        Assert.Contains("default-src 'none'", directives);
        Assert.Contains("img-src http: https:", directives);
        Assert.Contains($"style-src {HashSource(One(page, "//style").InnerHtml)}", directives);
        Assert.Contains($"script-src {HashSource(One(page, "//script").InnerHtml)}", directives);
        Assert.DoesNotContain(directives, directive => directive.Contains("unsafe") || directive.Contains('*'));
        Assert.Empty(All(page, "//script[@src]"));
        Assert.Empty(All(page, "//*[@style]"));
    }

    [Fact]
    public void Offers_the_types_and_hubs_present_as_filters()
    {
        var page = Parse(new GalleryEntry(GallerySamples.Civitai()), new GalleryEntry(GallerySamples.HuggingFace()), new GalleryEntry(GallerySamples.Civitai("5", "Other")));

        Assert.Equal(new[] { "", "Checkpoint", "LoRA" }, All(page, "//select[@id='type']/option").Select(option => option.GetAttributeValue("value", null)));
        Assert.Equal(new[] { "", "Civitai", "HuggingFace" }, All(page, "//select[@id='hub']/option").Select(option => option.GetAttributeValue("value", null)));
        Assert.Contains("pixel art", One(page, "//article").GetAttributeValue("data-search", null));
    }

    private static HtmlDocument Parse(params GalleryEntry[] entries) => Load(GalleryPage.Build(entries, Now));

    private static HtmlDocument Load(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        Assert.Empty(document.ParseErrors);
        return document;
    }

    private static HtmlNode One(HtmlDocument page, string xpath) => One(page.DocumentNode, xpath);

    private static HtmlNode One(HtmlNode scope, string xpath) => scope.SelectSingleNode(xpath) ?? throw new Xunit.Sdk.XunitException("Nothing matches " + xpath);

    private static IReadOnlyList<HtmlNode> All(HtmlDocument page, string xpath) => All(page.DocumentNode, xpath);

    private static IReadOnlyList<HtmlNode> All(HtmlNode scope, string xpath) => scope.SelectNodes(xpath)?.ToArray() ?? Array.Empty<HtmlNode>();

    private static string Text(HtmlNode node) => HtmlEntity.DeEntitize(node.InnerText);

    /// <summary>The decoded dd after the dt with this label.</summary>
    private static string? Fact(HtmlNode scope, string label) =>
        All(scope, ".//dt").Where(term => term.InnerText == label).Select(term => Text(One(term, "following-sibling::dd[1]"))).FirstOrDefault();

    private static string HashSource(string block) => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(block))) + "'";
}
