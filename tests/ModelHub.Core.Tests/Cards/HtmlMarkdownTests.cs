using System.Linq;
using System.Text.Json;
using ModelHub.Cards;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Cards;

/// <summary>Civitai's HTML descriptions as Markdown (links stay links) and as plain text (links read as their text).</summary>
public sealed class HtmlMarkdownTests
{
    [Fact]
    public void A_recorded_modern_description_keeps_its_headings_links_and_emphasis()
    {
        var html = Description("model-1231067.json", 1231067);

        var markdown = HtmlMarkdown.Convert(html);
        var text = MarkdownContent.Parse(markdown).Text;

        Assert.Contains("### If you'd like to support me, feel free to visit my [Ko-Fi](https://ko-fi.com/pixelpawsai) page. ❤️", markdown);
        Assert.Contains("### **Trigger word:** ppstorybook", markdown);
        Assert.Contains("### **Strength:** 0.8, experiment as you like", markdown);
        Assert.DoesNotContain("<", markdown);
        Assert.DoesNotContain("&quot;", markdown);
        Assert.Contains("visit my Ko-Fi page.", text);
        Assert.Contains("Please share your images using the \"+add post\" button below.", text);
        Assert.Contains("Trigger word: ppstorybook", text);
        Assert.DoesNotContain("ko-fi.com", text);
        Assert.DoesNotContain("**", text);
    }

    [Fact]
    public void A_recorded_2023_description_keeps_its_lists_paragraphs_and_line_breaks()
    {
        var markdown = HtmlMarkdown.Convert(Description("wiki-models-page-textualinversion.json", 3036));
        var text = MarkdownContent.Parse(markdown).Text;

        Assert.StartsWith("# CharTurner\n\nEdit: **controlNet** works **great** with this.", markdown);
        Assert.Contains("**Version 2, for 2.0 and 2.1 models  \nVersion 2, for 1.5 models  \nVersion 1, for 1.5 models**", markdown);
        Assert.Contains("BONUS: [Experimental](https://civitai.com/models/7252/charturnerbeta-lora-experimental) LORA released  \nused at your own risk.", markdown);
        Assert.Contains("\n- Sampler: I use DPM++ 2m Karras or DDIM most often.\n- Highres. fix ON for best results\n", markdown);
        Assert.Contains("under the [MVP](https://en.wikipedia.org/wiki/Minimum_viable_product) principle.", markdown);
        Assert.Contains("\n- Sampler: I use DPM++ 2m Karras or DDIM most often.\n- Highres. fix ON for best results\n", text);
        Assert.Contains("BONUS: Experimental LORA released\nused at your own risk.", text);
        Assert.Contains("under the MVP principle.", text);
    }

    [Fact]
    public void Recorded_text_that_looks_like_Markdown_stays_text()
    {
        var markdown = HtmlMarkdown.Convert(Description("wiki-models-page-textualinversion.json", 4514));
        var text = MarkdownContent.Parse(markdown).Text;

        Assert.Contains("\n1\\. prompt\n", markdown);
        Assert.Contains("\n2.1 and LoRa versions coming soon.", "\n" + HtmlMarkdown.Convert(Description("wiki-models-page-textualinversion.json", 8387)));
        Assert.Contains("\n1. prompt\n", text);
        Assert.Contains("- [:(detailed face:1.2):0.2]: When drawing", text);
        Assert.Contains("> Pure Eros is a simple translation of the Chinese word \"纯欲\"", text);
        Assert.Contains("![](https://imagecache.civitai.com/xG1nkqKTMzGDvpLrqFT7WA/8e1c68da-4e15-49bf-0090-25a89a438800/width=525)", markdown);
        Assert.Contains("[https://civitai.com/models/4629/deep-negative-v1x](https://civitai.com/models/4629/deep-negative-v1x)", markdown);
        Assert.DoesNotContain("imagecache", text);
    }

    [Fact]
    public void Every_recorded_description_converts_without_markup_left_in_the_text()
    {
        using var page = JsonDocument.Parse(RecordedResponses.Read("civitai/wiki-models-page-textualinversion.json"));
        var descriptions = page.RootElement.GetProperty("items").EnumerateArray()
            .SelectMany(model => new[] { model }.Concat(model.GetProperty("modelVersions").EnumerateArray()))
            .Select(item => item.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String ? description.GetString()! : null)
            .OfType<string>()
            .ToList();

        Assert.NotEmpty(descriptions);
        Assert.All(descriptions, html =>
        {
            var text = MarkdownContent.Parse(HtmlMarkdown.Convert(html)).Text;
            Assert.DoesNotContain("<p>", text);
            Assert.DoesNotContain("&amp;", text);
            Assert.DoesNotContain("\\", text);
            Assert.NotEmpty(text);
        });
    }

    [Fact]
    public void Links_are_links_in_Markdown_and_their_text_in_Text()
    {
        var markdown = HtmlMarkdown.Convert("""<p>See <a href="https://example.com/a?b=1&amp;c=2">the <b>docs</b></a>, <a href="javascript:alert(1)">this</a> and <a href="https://example.com/x (1)">that</a>.</p>""");

        Assert.Equal("See [the **docs**](https://example.com/a?b=1&c=2), this and [that](https://example.com/x%20%281%29).", markdown);
        Assert.Equal("See the docs, this and that.", MarkdownContent.Parse(markdown).Text);
    }

    [Fact]
    public void Nested_ordered_and_unordered_lists_keep_their_structure()
    {
        var markdown = HtmlMarkdown.Convert("<ol start=\"3\"><li>Three<ul><li>a</li><li><em>b</em></li></ul></li><li>Four</li></ol><ul><li></li><li>x</li></ul>");

        Assert.Equal("3. Three\n   - a\n   - *b*\n4. Four\n\n-\n- x", markdown);
        Assert.Equal("3. Three\n   - a\n   - b\n4. Four\n\n-\n- x", MarkdownContent.Parse(markdown).Text);
    }

    [Fact]
    public void Scripts_styles_comments_and_forms_are_dropped()
    {
        var markdown = HtmlMarkdown.Convert("<style>p{color:red}</style><p>Kept<script>alert('x')</script><!-- hidden --></p><noscript>no</noscript><form><input value='v'></form><iframe src='https://x'></iframe>");

        Assert.Equal("Kept", markdown);
    }

    [Fact]
    public void Entities_are_decoded_and_Markdown_characters_escaped()
    {
        var markdown = HtmlMarkdown.Convert("<p>Tom &amp; Jerry &lt;3 &quot;quotes&quot; &copy; &#x1F600; 2&nbsp;*&nbsp;3 [tag] snake_case &amp;amp;</p><p># not a heading</p><p>- not a list</p>");
        var text = MarkdownContent.Parse(markdown).Text;

        Assert.Equal("Tom & Jerry <3 \"quotes\" © 😀 2 * 3 [tag] snake_case &amp;\n\n# not a heading\n\n- not a list", text);
        Assert.Contains("2 \\* 3 \\[tag\\] snake\\_case", markdown);
        Assert.Contains("\\# not a heading", markdown);
    }

    [Fact]
    public void Headings_code_quotes_rules_and_images()
    {
        var markdown = HtmlMarkdown.Convert("<h2>Usage</h2><p>Use <code>a*b</code> and <code>x`y</code>.</p><pre><code>line 1\n  line &lt;2&gt;</code></pre><blockquote><p>Quoted</p><p>Twice</p></blockquote><hr><img src=\"https://img.example/a.png\" alt=\"A [cat]\"><img src=\"data:image/png;base64,AAA\">");

        Assert.Equal("## Usage\n\nUse `a*b` and `` x`y ``.\n\n```\nline 1\n  line <2>\n```\n\n> Quoted\n>\n> Twice\n\n---\n\n![A \\[cat\\]](https://img.example/a.png)", markdown);
        Assert.Equal("Usage\n\nUse a*b and x`y.\n\n    line 1\n      line <2>\n\n> Quoted\n>\n> Twice\n\n----", MarkdownContent.Parse(markdown).Text);
    }

    [Fact]
    public void Whitespace_inside_emphasis_moves_outside_the_markers()
    {
        Assert.Equal("**bold** text and *it* here", HtmlMarkdown.Convert("<p><strong>bold </strong>text and<em> it </em>here</p>"));
    }

    private static string Description(string fixture, long id)
    {
        using var document = JsonDocument.Parse(RecordedResponses.Read("civitai/" + fixture));
        var items = document.RootElement.TryGetProperty("items", out var list) ? list.EnumerateArray().ToList() : new() { document.RootElement };
        var item = items.SelectMany(model => new[] { model }.Concat(model.TryGetProperty("modelVersions", out var versions) ? versions.EnumerateArray() : Enumerable.Empty<JsonElement>()))
            .First(candidate => candidate.GetProperty("id").GetInt64() == id);
        return item.GetProperty("description").GetString()!;
    }
}
