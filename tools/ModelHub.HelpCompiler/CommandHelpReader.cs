using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Extensions.Yaml;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ModelHub.HelpCompiler;

/// <summary>
/// Reads a cmdlet help file written in platyPS schema 2.0 into a <see cref="CommandHelp"/>. It collects every
/// problem in the file and throws them together, so that one run tells the author all that is wrong.
/// </summary>
internal sealed partial class CommandHelpReader
{
    private static readonly string[] KnownSections =
        ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];

    private static readonly string[] ParameterKeys =
    [
        "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value",
        "Accept pipeline input", "Accept wildcard characters",
    ];

    private readonly List<string> _problems = [];

    public static CommandHelp Read(string markdown) => new CommandHelpReader().ReadDocument(MarkdownText.Parse(markdown));

    [GeneratedRegex("^[A-Za-z]+-[A-Za-z0-9]+$")]
    private static partial Regex VerbNoun();

    private CommandHelp ReadDocument(MarkdownDocument document)
    {
        var name = ReadName(document);
        var (leading, sections) = Section.Split(document, level: 2);
        foreach (Block block in leading.Where(block => block is not HeadingBlock { Level: 1 } && !MarkdownText.IsIgnorable(block)))
        {
            _problems.Add($"line {block.Line + 1}: text before ## SYNOPSIS belongs to no section");
        }

        Dictionary<string, IReadOnlyList<Block>> bodies = ReadSectionBodies(sections);
        IReadOnlyList<Block> Body(string section) => bodies.TryGetValue(section, out IReadOnlyList<Block>? body) ? body : [];

        List<string> synopsis = MarkdownText.Paragraphs(Body("SYNOPSIS"));
        if (synopsis.Count == 0)
        {
            _problems.Add("## SYNOPSIS is missing or empty");
        }

        List<string> description = MarkdownText.Paragraphs(Body("DESCRIPTION"));
        if (description.Count == 0)
        {
            _problems.Add("## DESCRIPTION is missing or empty");
        }

        // ## SYNTAX is not read: like New-ExternalHelp, the syntax is built from the parameters' metadata.
        List<ExampleHelp> examples = ReadExamples(Body("EXAMPLES"));
        if (examples.Count == 0)
        {
            _problems.Add("## EXAMPLES is missing or has no ### example");
        }

        var help = new CommandHelp(
            name,
            synopsis,
            description,
            ReadParameters(Body("PARAMETERS")),
            ReadTypes("INPUTS", Body("INPUTS")),
            ReadTypes("OUTPUTS", Body("OUTPUTS")),
            MarkdownText.Paragraphs(Body("NOTES")),
            examples,
            ReadLinks(Body("RELATED LINKS"), ReadOnlineVersion(document)));

        if (_problems.Count > 0)
        {
            throw new HelpFormatException(_problems);
        }

        return help;
    }

    private string ReadName(MarkdownDocument document)
    {
        var titles = document.OfType<HeadingBlock>().Where(heading => heading.Level == 1).ToList();
        if (titles.Count != 1)
        {
            _problems.Add(titles.Count == 0
                ? "missing the # Verb-Noun title"
                : $"line {titles[1].Line + 1}: a second # title; a help file describes one command");
            return string.Empty;
        }

        var name = MarkdownText.InlineText(titles[0].Inline);
        if (!VerbNoun().IsMatch(name))
        {
            _problems.Add($"line {titles[0].Line + 1}: the title '# {name}' is not a Verb-Noun command name");
        }

        return name;
    }

    private Dictionary<string, IReadOnlyList<Block>> ReadSectionBodies(IReadOnlyList<Section> sections)
    {
        var bodies = new Dictionary<string, IReadOnlyList<Block>>(StringComparer.OrdinalIgnoreCase);
        foreach (Section section in sections)
        {
            var title = section.Title.ToUpperInvariant();
            if (!KnownSections.Contains(title))
            {
                _problems.Add($"line {section.Heading.Line + 1}: unknown section '## {section.Title}' (expected one of {string.Join(", ", KnownSections)})");
            }
            else if (!bodies.TryAdd(title, section.Body))
            {
                _problems.Add($"line {section.Heading.Line + 1}: a second '## {title}' section");
            }
        }

        return bodies;
    }

    /// <summary>The ### entries of a section; text before the first one would be lost, so it is a problem.</summary>
    private IReadOnlyList<Section> ReadEntries(string sectionName, IReadOnlyList<Block> body)
    {
        var (leading, entries) = Section.Split(body, level: 3);
        foreach (Block block in leading.Where(block => !MarkdownText.IsIgnorable(block)))
        {
            _problems.Add($"line {block.Line + 1}: text in ## {sectionName} before its first ### heading belongs to no entry");
        }

        return entries;
    }

    private List<ExampleHelp> ReadExamples(IReadOnlyList<Block> body)
    {
        var examples = new List<ExampleHelp>();
        foreach (Section entry in ReadEntries("EXAMPLES", body))
        {
            // The example's code is its first run of code blocks; everything else (text before it, the remarks,
            // sample output shown after them) is remarks, in order.
            var code = new List<string>();
            var remarks = new List<Block>();
            var codeRunEnded = false;
            foreach (Block block in entry.Body)
            {
                if (block is CodeBlock codeBlock && !codeRunEnded)
                {
                    code.Add(MarkdownText.CodeText(codeBlock));
                }
                else
                {
                    codeRunEnded = code.Count > 0;
                    remarks.Add(block);
                }
            }

            if (code.Count == 0)
            {
                _problems.Add($"line {entry.Heading.Line + 1}: example '{entry.Title}' has no code block");
            }

            examples.Add(new ExampleHelp(entry.Title, string.Join("\n\n", code), MarkdownText.Paragraphs(remarks)));
        }

        return examples;
    }

    private List<ParameterHelp> ReadParameters(IReadOnlyList<Block> body)
    {
        var parameters = new List<ParameterHelp>();
        foreach (Section entry in ReadEntries("PARAMETERS", body))
        {
            var name = entry.Title.TrimStart('-');

            // Get-Help writes the common parameters paragraph itself.
            if (name.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var description = new List<Block>();
            var metadata = new List<ParameterMetadata>();
            foreach (Block block in entry.Body)
            {
                if (block is FencedCodeBlock fenced && string.Equals(fenced.Info, "yaml", StringComparison.OrdinalIgnoreCase))
                {
                    metadata.Add(ReadMetadata(name, fenced));
                }
                else
                {
                    description.Add(block);
                }
            }

            List<string> paragraphs = MarkdownText.Paragraphs(description);
            if (paragraphs.Count == 0)
            {
                _problems.Add($"line {entry.Heading.Line + 1}: parameter -{name} has no description");
            }

            if (metadata.Count == 0)
            {
                _problems.Add($"line {entry.Heading.Line + 1}: parameter -{name} has no ```yaml metadata block");
                continue;
            }

            parameters.Add(new ParameterHelp(name, paragraphs, metadata));
        }

        return parameters;
    }

    private ParameterMetadata ReadMetadata(string parameterName, FencedCodeBlock block)
    {
        Dictionary<string, string> values = ReadKeyValues(block, $"parameter -{parameterName}");
        foreach (var key in values.Keys.Where(key => !ParameterKeys.Contains(key, StringComparer.OrdinalIgnoreCase)))
        {
            _problems.Add($"line {block.Line + 1}: the ```yaml block of parameter -{parameterName} has an unknown key '{key}'");
        }

        string Value(string key) => values.TryGetValue(key, out var value) ? value : string.Empty;
        static List<string> List(string value) =>
            value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        static bool IsTrue(string value) => value.Equals("true", StringComparison.OrdinalIgnoreCase);

        List<string> sets = List(Value("Parameter Sets"));
        return new ParameterMetadata(
            Type: Value("Type"),
            ParameterSets: sets.Count > 0 ? sets : [ParameterMetadata.AllSets],
            Aliases: List(Value("Aliases")).Where(alias => !alias.Equals("None", StringComparison.OrdinalIgnoreCase)).ToList(),
            AcceptedValues: List(Value("Accepted values")),
            Required: IsTrue(Value("Required")),
            Position: Value("Position") is { Length: > 0 } position ? position.ToLowerInvariant() : "named",
            DefaultValue: Value("Default value") is { Length: > 0 } defaultValue ? defaultValue : null,
            PipelineInput: Value("Accept pipeline input") is { Length: > 0 } pipelineInput ? pipelineInput : "False",
            Globbing: IsTrue(Value("Accept wildcard characters")));
    }

    private List<TypeHelp> ReadTypes(string sectionName, IReadOnlyList<Block> body) =>
        ReadEntries(sectionName, body)
            .Select(entry => new TypeHelp(entry.Title, MarkdownText.Paragraphs(entry.Body)))
            .ToList();

    /// <summary>
    /// Every markdown link in RELATED LINKS. Like New-ExternalHelp, the front matter's online version comes
    /// first, as "Online Version:", because Get-Help -Online opens the first link.
    /// </summary>
    private static List<RelatedLink> ReadLinks(IReadOnlyList<Block> body, string? onlineVersion)
    {
        var links = new List<RelatedLink>();
        // Links may sit in paragraphs or in list items.
        IEnumerable<LeafBlock> leaves = body.SelectMany<Block, LeafBlock>(block => block switch
        {
            ContainerBlock container => container.Descendants<LeafBlock>(),
            LeafBlock leaf => [leaf],
            _ => [],
        });
        foreach (Inline inline in leaves.SelectMany(leaf => leaf.Inline?.Descendants<Inline>() ?? []))
        {
            if (inline is LinkInline { IsImage: false } link)
            {
                links.Add(new RelatedLink(MarkdownText.InlineText(link), MarkdownText.IsWebUri(link.Url) ? link.Url! : string.Empty));
            }
            else if (inline is AutolinkInline autolink)
            {
                links.Add(new RelatedLink(autolink.Url, autolink.Url));
            }
        }

        if (MarkdownText.IsWebUri(onlineVersion) && (links.Count == 0 || links[0].Uri != onlineVersion))
        {
            links.Insert(0, new RelatedLink("Online Version:", onlineVersion!));
        }

        return links;
    }

    private string? ReadOnlineVersion(MarkdownDocument document) =>
        document.OfType<YamlFrontMatterBlock>().FirstOrDefault() is { } frontMatter
        && ReadKeyValues(frontMatter, "front matter").TryGetValue("online version", out var url)
            ? url
            : null;

    /// <summary>platyPS writes YAML as flat "Key: value" lines only; that is all this reads.</summary>
    private Dictionary<string, string> ReadKeyValues(LeafBlock block, string where)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < block.Lines.Count; i++)
        {
            StringLine line = block.Lines.Lines[i];
            var text = line.Slice.ToString().Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var colon = text.IndexOf(':');
            if (colon <= 0)
            {
                _problems.Add($"line {line.Line + 1}: {where}: '{text}' is not a 'Key: value' line");
                continue;
            }

            values[text[..colon].Trim()] = text[(colon + 1)..].Trim();
        }

        return values;
    }
}
