using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace ModelHub.Cards;

/// <summary>
/// HTML (Civitai's descriptions) as CommonMark: paragraphs, line breaks, headings, nested lists, quotes, code,
/// emphasis, links and images kept; scripts, styles, forms and comments dropped; entities decoded; text escaped
/// so that it reads as text, never as Markdown syntax.
/// </summary>
internal static class HtmlMarkdown
{
    private const string HardBreak = "  \n";

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "head", "svg", "canvas", "button", "form", "input", "select", "textarea",
    };

    private static readonly HashSet<string> Containers = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption", "center", "address", "details", "summary",
        "dl", "dt", "dd", "thead", "tbody", "tfoot", "body", "html",
    };

    private static readonly Regex Whitespace = new(@"\s+");

    // Inline syntax characters, and an ampersand that would read as an entity.
    private static readonly Regex InlineSyntax = new(@"[\\`*_\[\]<]|&(?=#?\w+;)");

    // What would open a heading, quote, list or thematic break at the start of a line.
    private static readonly Regex LineStartSyntax = new(@"^[#>+=-]|(?<=^[0-9]+)[.)](?=\s|$)");

    private static readonly Regex Scheme = new(@"^([a-zA-Z][a-zA-Z0-9+.\-]*):");

    public static string Convert(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        return Blocks(document.DocumentNode.ChildNodes, "\n\n");
    }

    /// <summary>Block elements each as a block; runs of inline content between them as paragraphs.</summary>
    private static string Blocks(IEnumerable<HtmlNode> nodes, string separator)
    {
        var blocks = new List<string>();
        var run = new StringBuilder();
        foreach (var node in nodes)
        {
            if (node.NodeType == HtmlNodeType.Element && IsBlock(node.Name))
            {
                blocks.Add(Paragraph(run.ToString()));
                run.Clear();
                blocks.Add(Block(node));
            }
            else
            {
                run.Append(Inline(node));
            }
        }

        blocks.Add(Paragraph(run.ToString()));
        return string.Join(separator, blocks.Where(block => block.Length > 0));
    }

    private static bool IsBlock(string name) =>
        Containers.Contains(name) || IsHeading(name) || name is "ul" or "ol" or "li" or "blockquote" or "pre" or "hr" or "table" or "tr";

    private static string Block(HtmlNode element) => element.Name switch
    {
        var name when IsHeading(name) => Heading(element, name[1] - '0'),
        "ul" => List(element, ordered: false),
        "ol" => List(element, ordered: true),
        "blockquote" => Prefixed(Blocks(element.ChildNodes, "\n\n"), "> "),
        "pre" => Code(element),
        "hr" => "---",
        "table" => Table(element),
        "tr" => Row(element),
        _ => Blocks(element.ChildNodes, "\n\n"),
    };

    private static bool IsHeading(string name) => name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6';

    private static string Heading(HtmlNode element, int level)
    {
        var text = Whitespace.Replace(Inlines(element), " ").Trim();
        return text.Length == 0 ? string.Empty : new string('#', level) + " " + text;
    }

    /// <summary>
    /// Inline content as a paragraph: line breaks become hard breaks, two in a row a new paragraph, and a line that
    /// would start Markdown syntax is escaped.
    /// </summary>
    private static string Paragraph(string inline)
    {
        var paragraphs = new List<string>();
        var lines = new List<string>();
        foreach (var line in inline.Split('\n').Select(line => line.Trim(' ')))
        {
            if (line.Length > 0)
            {
                lines.Add(LineStartSyntax.Replace(line, @"\$0"));
            }
            else if (lines.Count > 0)
            {
                paragraphs.Add(string.Join(HardBreak, lines));
                lines.Clear();
            }
        }

        if (lines.Count > 0)
        {
            paragraphs.Add(string.Join(HardBreak, lines));
        }

        return string.Join("\n\n", paragraphs);
    }

    /// <summary>A tight list; an item's nested lists and paragraphs indented under its marker.</summary>
    private static string List(HtmlNode list, bool ordered)
    {
        var number = int.TryParse(list.GetAttributeValue("start", "1"), out var start) ? start : 1;
        var items = new List<string>();
        var indent = string.Empty;
        foreach (var child in list.ChildNodes.Where(node => node.NodeType == HtmlNodeType.Element))
        {
            if (child.Name != "li" && items.Count > 0)
            {
                // A list nested directly in a list (not in an item) belongs to the item before it.
                items[items.Count - 1] += "\n" + Prefixed(Blocks(new[] { child }, "\n"), indent);
                continue;
            }

            var marker = ordered ? number++ + ". " : "- ";
            indent = new string(' ', marker.Length);
            var content = child.Name == "li" ? Blocks(child.ChildNodes, "\n") : Blocks(new[] { child }, "\n");
            items.Add(content.Length == 0 ? marker.TrimEnd() : marker + Prefixed(content, indent).Substring(indent.Length));
        }

        return string.Join("\n", items);
    }

    /// <summary>Every non-empty line prefixed (quotes, list item continuations).</summary>
    private static string Prefixed(string text, string prefix) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? prefix.TrimEnd() : prefix + line));

    private static string Code(HtmlNode pre)
    {
        var code = WebUtility.HtmlDecode(pre.InnerText).Replace("\r\n", "\n").Trim('\n');
        var fence = code.Contains("```") ? "~~~~" : "```";
        return code.Length == 0 ? string.Empty : fence + "\n" + code + "\n" + fence;
    }

    /// <summary>A table as lines of cells: plain CommonMark has no tables.</summary>
    private static string Table(HtmlNode table) =>
        string.Join(HardBreak, table.Descendants("tr").Select(Row).Where(row => row.Length > 0));

    private static string Row(HtmlNode row) =>
        string.Join(" | ", row.ChildNodes.Where(cell => cell.Name is "td" or "th").Select(cell => Whitespace.Replace(Inlines(cell), " ").Trim()));

    private static string Inlines(HtmlNode parent) => string.Concat(parent.ChildNodes.Select(Inline));

    private static string Inline(HtmlNode node)
    {
        switch (node.NodeType)
        {
            case HtmlNodeType.Text:
                return InlineSyntax.Replace(Whitespace.Replace(WebUtility.HtmlDecode(((HtmlTextNode)node).Text), " "), @"\$0");
            case HtmlNodeType.Element:
                break;
            default:
                return string.Empty;
        }

        return node.Name switch
        {
            var name when Dropped.Contains(name) => string.Empty,
            "br" => "\n",
            "strong" or "b" => Emphasis(Inlines(node), "**"),
            "em" or "i" => Emphasis(Inlines(node), "*"),
            "code" or "kbd" or "samp" or "tt" => CodeSpan(Whitespace.Replace(WebUtility.HtmlDecode(node.InnerText), " ")),
            "a" => Link(node),
            "img" => Image(node),
            _ => Inlines(node),
        };
    }

    /// <summary>Emphasis markers hug the text: whitespace inside them would stop them from being emphasis.</summary>
    private static string Emphasis(string inner, string marker) => Hugging(inner, text => marker + text + marker);

    /// <summary>The trimmed text wrapped, with the whitespace that was around it kept outside; whitespace alone stays as it is.</summary>
    private static string Hugging(string inner, Func<string, string> wrap)
    {
        var text = inner.Trim();
        if (text.Length == 0)
        {
            return inner;
        }

        var leading = inner.Substring(0, inner.Length - inner.TrimStart().Length);
        var trailing = inner.Substring(inner.TrimEnd().Length);
        return leading + wrap(text) + trailing;
    }

    private static string CodeSpan(string code)
    {
        if (code.Trim().Length == 0)
        {
            return code;
        }

        var fence = code.Contains("`") ? "``" : "`";
        return fence + (fence.Length > 1 ? " " + code + " " : code) + fence;
    }

    /// <summary>A link with a usable address stays a link; one without (or a script address) is its text.</summary>
    private static string Link(HtmlNode anchor)
    {
        var text = Inlines(anchor);
        var address = Address(anchor.GetAttributeValue("href", string.Empty));
        return address is null ? text : Hugging(text, label => "[" + label.Replace("\n", " ") + "](" + address + ")");
    }

    private static string Image(HtmlNode image)
    {
        var source = Address(image.GetAttributeValue("src", string.Empty));
        var alt = InlineSyntax.Replace(Whitespace.Replace(WebUtility.HtmlDecode(image.GetAttributeValue("alt", string.Empty)), " ").Trim(), @"\$0");
        return source is null ? string.Empty : "![" + alt + "](" + source + ")";
    }

    /// <summary>An address as a Markdown link destination; null when blank or a script/data address.</summary>
    private static string? Address(string attribute)
    {
        var address = WebUtility.HtmlDecode(attribute).Trim();
        var scheme = Scheme.Match(address) is { Success: true } match ? match.Groups[1].Value.ToLowerInvariant() : null;
        if (address.Length == 0 || scheme is not (null or "http" or "https" or "mailto"))
        {
            return null;
        }

        // Spaces and parentheses would end the destination.
        return address.Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29");
    }
}
