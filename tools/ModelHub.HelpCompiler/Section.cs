using System.Collections.Generic;
using Markdig.Syntax;

namespace ModelHub.HelpCompiler;

/// <summary>A heading and the blocks under it, up to the next heading of the same level.</summary>
internal sealed record Section(HeadingBlock Heading, IReadOnlyList<Block> Body)
{
    public string Title => MarkdownText.InlineText(Heading.Inline);

    /// <summary>Cuts blocks at each heading of the given level; Leading holds what comes before the first one.</summary>
    public static (IReadOnlyList<Block> Leading, IReadOnlyList<Section> Sections) Split(IEnumerable<Block> blocks, int level)
    {
        var leading = new List<Block>();
        var sections = new List<Section>();
        List<Block> current = leading;
        foreach (Block block in blocks)
        {
            if (block is HeadingBlock heading && heading.Level == level)
            {
                current = [];
                sections.Add(new Section(heading, current));
            }
            else
            {
                current.Add(block);
            }
        }

        return (leading, sections);
    }
}
