using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ModelHub.HelpCompiler;

/// <summary>
/// Turns Markdig's syntax tree into the plain text that help shows. Inline markup is dropped the way
/// New-ExternalHelp drops it: emphasis keeps its words, links keep their text followed by the web address,
/// and code spans keep their backticks (PowerShell's own help shows them too).
/// </summary>
internal static class MarkdownText
{
    // Front matter would otherwise parse as a thematic break and a heading; tables are parsed so they can be laid out as text.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    public static string InlineText(ContainerInline? inlines)
    {
        var text = new StringBuilder();
        AppendInlines(inlines, text);
        return text.ToString().Trim();
    }

    /// <summary>The lines of a code block as written, trailing blanks removed.</summary>
    public static string CodeText(LeafBlock block)
    {
        var lines = new List<string>();
        for (var i = 0; i < block.Lines.Count; i++)
        {
            lines.Add(block.Lines.Lines[i].Slice.ToString().TrimEnd());
        }

        return string.Join("\n", lines);
    }

    /// <summary>
    /// Help text blocks as paragraphs: one per markdown paragraph, and one per list, code block or table with
    /// its lines kept (Get-Help shows a paragraph's line breaks as they are).
    /// </summary>
    public static List<string> Paragraphs(IEnumerable<Block> blocks)
    {
        var paragraphs = new List<string>();
        foreach (Block block in blocks)
        {
            AddParagraphs(block, paragraphs);
        }

        return paragraphs;
    }

    /// <summary>Blocks that carry nothing for a reader of help: separators, link definitions, HTML comments, front matter.</summary>
    public static bool IsIgnorable(Block block) =>
        block is ThematicBreakBlock or LinkReferenceDefinitionGroup or YamlFrontMatterBlock
        || block is HtmlBlock { Type: HtmlBlockType.Comment };

    public static HelpFormatException Unsupported(Block block) =>
        new($"line {block.Line + 1}: {block.GetType().Name} is not supported in help text");

    /// <summary>"-" for every bullet list, whatever bullet the author typed; "1." or "1)" for ordered lists.</summary>
    public static string ListMarker(ListBlock list, ListItemBlock item) =>
        list.IsOrdered ? $"{item.Order}{list.OrderedDelimiter}" : "-";

    /// <summary>A table as aligned text columns, the header row underlined with dashes.</summary>
    public static List<string> TableLines(Table table)
    {
        var rows = table.OfType<TableRow>()
            .Select(row => (row.IsHeader, Cells: row.OfType<TableCell>().Select(CellText).ToList()))
            .ToList();
        var columnCount = rows.Max(row => row.Cells.Count);
        var widths = Enumerable.Range(0, columnCount)
            .Select(column => rows.Max(row => column < row.Cells.Count ? row.Cells[column].Length : 0))
            .ToArray();

        var lines = new List<string>();
        foreach (var row in rows)
        {
            lines.Add(string.Join("  ", row.Cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
            if (row.IsHeader)
            {
                lines.Add(string.Join("  ", widths.Select(width => new string('-', width))));
            }
        }

        return lines;
    }

    /// <summary>Only http and https addresses are links Get-Help can open; relative links between .md files are not.</summary>
    public static bool IsWebUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out Uri? uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void AddParagraphs(Block block, List<string> paragraphs)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                paragraphs.Add(InlineText(paragraph.Inline));
                break;
            case HeadingBlock heading:
                paragraphs.Add(InlineText(heading.Inline));
                break;
            case CodeBlock code:
                paragraphs.Add(CodeText(code));
                break;
            case ListBlock list:
                paragraphs.Add(string.Join("\n", ListLines(list, string.Empty)));
                break;
            case Table table:
                paragraphs.Add(string.Join("\n", TableLines(table)));
                break;
            case QuoteBlock quote:
                foreach (Block inner in quote)
                {
                    AddParagraphs(inner, paragraphs);
                }

                break;
            default:
                if (!IsIgnorable(block))
                {
                    throw Unsupported(block);
                }

                break;
        }
    }

    private static IEnumerable<string> ListLines(ListBlock list, string indent)
    {
        foreach (ListItemBlock item in list.OfType<ListItemBlock>())
        {
            var marker = ListMarker(list, item) + " ";
            var continuation = indent + new string(' ', marker.Length);
            var firstLine = true;
            foreach (Block child in item)
            {
                if (child is ListBlock nested)
                {
                    foreach (var line in ListLines(nested, continuation))
                    {
                        yield return line;
                    }

                    continue;
                }

                foreach (var line in Paragraphs([child]).SelectMany(paragraph => paragraph.Split('\n')))
                {
                    yield return ((firstLine ? indent + marker : continuation) + line).TrimEnd();
                    firstLine = false;
                }
            }
        }
    }

    private static string CellText(TableCell cell) =>
        string.Join(" ", cell.OfType<LeafBlock>().Select(block => InlineText(block.Inline)));

    private static void AppendInlines(ContainerInline? container, StringBuilder text)
    {
        if (container is null)
        {
            return;
        }

        foreach (Inline inline in container)
        {
            AppendInline(inline, text);
        }
    }

    private static void AppendInline(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append('`').Append(code.Content).Append('`');
                break;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? '\n' : ' ');
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case HtmlInline:
                // Tags such as <br> carry no text.
                break;
            case LinkInline link:
                var start = text.Length;
                AppendInlines(link, text);
                if (!link.IsImage && IsWebUri(link.Url) && text.ToString(start, text.Length - start) != link.Url)
                {
                    text.Append(" (").Append(link.Url).Append(')');
                }

                break;
            case ContainerInline container:
                // Emphasis and the like: keep the words, drop the markup.
                AppendInlines(container, text);
                break;
            default:
                throw new HelpFormatException($"line {inline.Line + 1}: {inline.GetType().Name} is not supported in help text");
        }
    }
}
