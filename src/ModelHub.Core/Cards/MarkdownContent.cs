using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using HtmlAgilityPack;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ModelHub.Cards;

/// <summary>
/// What ModelHub reads from a Markdown card: a plain-text rendering for the console (links read as their text,
/// images left out), its first heading, and the images it shows (Markdown images and HTML img elements).
/// </summary>
internal sealed class MarkdownContent
{
    private MarkdownContent(string text, string? heading, IReadOnlyList<string> images)
    {
        Text = text;
        Heading = heading;
        Images = images;
    }

    public string Text { get; }

    /// <summary>The text of the first heading, if any.</summary>
    public string? Heading { get; }

    /// <summary>The image addresses as written, in document order, each once.</summary>
    public IReadOnlyList<string> Images { get; }

    public static MarkdownContent Parse(string markdown)
    {
        var document = Markdown.Parse(markdown);
        var heading = document.Descendants<HeadingBlock>().Select(block => Inlines(block.Inline).Trim()).FirstOrDefault(text => text.Length > 0);
        var images = document.Descendants().SelectMany(ImagesOf).Where(source => source.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return new MarkdownContent(Blocks(document, "\n\n"), heading, images);
    }

    private static IEnumerable<string> ImagesOf(MarkdownObject item) => item switch
    {
        LinkInline { IsImage: true, Url: { } url } => new[] { url.Trim() },
        HtmlBlock block => HtmlImages(block.Lines.ToString()),
        HtmlInline inline => HtmlImages(inline.Tag),
        _ => Enumerable.Empty<string>(),
    };

    private static IEnumerable<string> HtmlImages(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        return document.DocumentNode.Descendants("img").Select(image => WebUtility.HtmlDecode(image.GetAttributeValue("src", string.Empty)).Trim());
    }

    private static string Blocks(ContainerBlock container, string separator) =>
        string.Join(separator, container.Select(Block).Where(text => text.Length > 0));

    private static string Block(Block block) => block switch
    {
        HeadingBlock heading => Inlines(heading.Inline).Trim(),
        ParagraphBlock paragraph => Inlines(paragraph.Inline).Trim(),
        ListBlock list => List(list),
        QuoteBlock quote => Prefixed(Blocks(quote, "\n\n"), "> ", "> "),
        CodeBlock code => Prefixed(code.Lines.ToString().TrimEnd('\n'), "    ", "    "),
        ThematicBreakBlock => "----",

        // Raw HTML in a card reads as the text it shows.
        HtmlBlock html => Parse(HtmlMarkdown.Convert(html.Lines.ToString())).Text,
        LinkReferenceDefinitionGroup => string.Empty,
        ContainerBlock container => Blocks(container, "\n\n"),
        LeafBlock leaf => leaf.Inline is { } inline ? Inlines(inline).Trim() : leaf.Lines.ToString().Trim(),
        _ => string.Empty,
    };

    private static string List(ListBlock list)
    {
        var number = int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
        var items = new List<string>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? number++ + list.OrderedDelimiter.ToString() + " " : "- ";
            items.Add(Prefixed(Blocks(item, "\n"), marker, new string(' ', marker.Length)));
        }

        return string.Join("\n", items);
    }

    /// <summary>The first line after <paramref name="first"/>, the others after <paramref name="rest"/>; no trailing spaces on empty lines.</summary>
    private static string Prefixed(string text, string first, string rest) =>
        string.Join("\n", text.Split('\n').Select((line, index) => line.Length == 0 ? (index == 0 ? first : rest).TrimEnd() : (index == 0 ? first : rest) + line));

    private static string Inlines(ContainerInline? container) =>
        container is null ? string.Empty : string.Concat(container.Select(Inline));

    private static string Inline(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        AutolinkInline autolink => autolink.Url,
        LinkInline { IsImage: true } => string.Empty,
        LineBreakInline => "\n",
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        HtmlInline html => html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase) ? "\n" : string.Empty,
        ContainerInline container => Inlines(container),
        _ => string.Empty,
    };
}
