using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace ModelHub.HelpCompiler;

/// <summary>
/// Lays an about topic's markdown out as the plain text Get-Help shows: "TOPIC" and the topic name, then
/// each ## heading in capitals at the margin with its text indented 4 spaces and wrapped to 80 columns.
/// Code is indented 4 more than the text around it, so it stands out without markdown fences.
/// </summary>
internal sealed class AboutTopicWriter
{
    private const int Width = 80;
    private const string TextIndent = "    ";
    private const string CodeIndent = "    ";
    private const string SubheadingIndent = "  ";

    private readonly List<string> _lines = [];

    // No blank line goes between a heading and its first block.
    private bool _afterHeading;

    public static string Render(string markdown, string topicName)
    {
        MarkdownDocument document = MarkdownText.Parse(markdown);
        var titles = document.OfType<HeadingBlock>().Where(heading => heading.Level == 1).ToList();
        if (titles.Count != 1 || !MarkdownText.InlineText(titles[0].Inline).Equals(topicName, StringComparison.OrdinalIgnoreCase))
        {
            throw new HelpFormatException($"an about topic needs exactly one # title, '# {topicName}', matching its file name");
        }

        var writer = new AboutTopicWriter();
        foreach (Block block in document)
        {
            writer.WriteTopLevel(block);
        }

        return string.Join("\n", writer._lines) + "\n";
    }

    private void WriteTopLevel(Block block)
    {
        if (MarkdownText.IsIgnorable(block))
        {
            return;
        }

        Separate();
        if (block is HeadingBlock heading)
        {
            var text = MarkdownText.InlineText(heading.Inline);
            switch (heading.Level)
            {
                case 1:
                    _lines.Add("TOPIC");
                    _lines.Add(TextIndent + text);
                    _afterHeading = false;
                    return;
                case 2:
                    _lines.Add(text.ToUpperInvariant());
                    break;
                default:
                    _lines.Add(SubheadingIndent + text);
                    break;
            }

            _afterHeading = true;
            return;
        }

        WriteBlock(block, TextIndent);
        _afterHeading = false;
    }

    private void Separate()
    {
        if (_lines.Count > 0 && !_afterHeading)
        {
            _lines.Add(string.Empty);
        }
    }

    private void WriteBlock(Block block, string indent)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                Wrap(MarkdownText.InlineText(paragraph.Inline), indent, indent);
                break;
            case HeadingBlock heading:
                Wrap(MarkdownText.InlineText(heading.Inline), indent, indent);
                break;
            case CodeBlock code:
                _lines.AddRange(MarkdownText.CodeText(code).Split('\n')
                    .Select(line => line.Length == 0 ? line : indent + CodeIndent + line));
                break;
            case ListBlock list:
                WriteList(list, indent);
                break;
            case Table table:
                _lines.AddRange(MarkdownText.TableLines(table).Select(line => indent + line));
                break;
            case QuoteBlock quote:
                // A quote is read as ordinary text: indenting it would make it look like code.
                WriteQuote(quote, indent);
                break;
            default:
                if (!MarkdownText.IsIgnorable(block))
                {
                    throw MarkdownText.Unsupported(block);
                }

                break;
        }
    }

    private void WriteList(ListBlock list, string indent)
    {
        var firstItem = true;
        foreach (ListItemBlock item in list.OfType<ListItemBlock>())
        {
            if (!firstItem && list.IsLoose)
            {
                _lines.Add(string.Empty);
            }

            // The item's first paragraph follows the marker; the rest of the item hangs under its text.
            var marker = MarkdownText.ListMarker(list, item) + " ";
            var hangingIndent = indent + new string(' ', marker.Length);
            var firstChild = true;
            foreach (Block child in item.Where(child => !MarkdownText.IsIgnorable(child)))
            {
                if (!firstChild && list.IsLoose)
                {
                    _lines.Add(string.Empty);
                }

                if (firstChild && child is ParagraphBlock paragraph)
                {
                    Wrap(MarkdownText.InlineText(paragraph.Inline), indent + marker, hangingIndent);
                }
                else
                {
                    WriteBlock(child, hangingIndent);
                }

                firstChild = false;
            }

            firstItem = false;
        }
    }

    private void WriteQuote(QuoteBlock quote, string indent)
    {
        var firstChild = true;
        foreach (Block child in quote.Where(child => !MarkdownText.IsIgnorable(child)))
        {
            if (!firstChild)
            {
                _lines.Add(string.Empty);
            }

            WriteBlock(child, indent);
            firstChild = false;
        }
    }

    /// <summary>Fills lines up to the width, word by word; hard line breaks in the markdown start a new line.</summary>
    private void Wrap(string text, string firstPrefix, string nextPrefix)
    {
        var prefix = firstPrefix;
        foreach (var hardLine in text.Split('\n'))
        {
            var line = new StringBuilder(prefix);
            var lineHasWords = false;
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (lineHasWords && line.Length + 1 + word.Length > Width)
                {
                    _lines.Add(line.ToString());
                    line.Clear().Append(nextPrefix);
                    lineHasWords = false;
                }

                line.Append(lineHasWords ? " " : string.Empty).Append(word);
                lineHasWords = true;
            }

            _lines.Add(line.ToString().TrimEnd());
            prefix = nextPrefix;
        }
    }
}
