using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ModelHub.HelpCompiler;

/// <summary>
/// Writes commands' help as one MAML file, element for element as platyPS's New-ExternalHelp writes it,
/// so Get-Help shows it the same way.
/// </summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    // New-ExternalHelp centres example titles in dashes to this width; Get-Help shows the title as it is.
    private const int ExampleTitleWidth = 64;

    public static void Write(IEnumerable<CommandHelp> commands, string path)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(CommandElement)));

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var writer = XmlWriter.Create(path, settings);
        document.Save(writer);
    }

    private static XElement CommandElement(CommandHelp command)
    {
        var dash = command.Name.IndexOf('-');
        return new XElement(
            Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
            new XElement(
                Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", command.Name[..dash]),
                new XElement(Command + "noun", command.Name[(dash + 1)..]),
                Description(command.Synopsis)),
            Description(command.Description),
            new XElement(Command + "syntax", SyntaxItems(command)),
            new XElement(
                Command + "parameters",
                command.Parameters.Select(parameter => ParameterElement(parameter, parameter.Metadata[0], inSyntax: false))),
            new XElement(Command + "inputTypes", command.Inputs.Select(input => TypeElement("inputType", input))),
            new XElement(Command + "returnValues", command.Outputs.Select(output => TypeElement("returnValue", output))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(command.Notes))),
            new XElement(Command + "examples", command.Examples.Select(ExampleElement)),
            new XElement(Command + "relatedLinks", command.Links.Select(LinkElement)));
    }

    /// <summary>
    /// One syntax line per parameter set, in the order the sets first appear among the parameters. A parameter
    /// in "(All)" belongs to every set; "(All)" is a line of its own only when no parameter names a set.
    /// </summary>
    private static IEnumerable<XElement> SyntaxItems(CommandHelp command)
    {
        var setNames = command.Parameters
            .SelectMany(parameter => parameter.Metadata)
            .SelectMany(metadata => metadata.ParameterSets)
            .Where(set => !set.Equals(ParameterMetadata.AllSets, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (setNames.Count == 0)
        {
            setNames.Add(ParameterMetadata.AllSets);
        }

        return setNames.Select(set => new XElement(
            Command + "syntaxItem",
            new XElement(Maml + "name", command.Name),
            ParametersInSet(command, set).Select(entry => ParameterElement(entry.Parameter, entry.Metadata, inSyntax: true))));
    }

    private static IEnumerable<(ParameterHelp Parameter, ParameterMetadata Metadata)> ParametersInSet(CommandHelp command, string set)
    {
        var members = new List<(ParameterHelp Parameter, ParameterMetadata Metadata)>();
        foreach (ParameterHelp parameter in command.Parameters)
        {
            ParameterMetadata? metadata = parameter.Metadata.FirstOrDefault(candidate => candidate.IsInSet(set))
                ?? parameter.Metadata.FirstOrDefault(candidate => candidate.IsInSet(ParameterMetadata.AllSets));
            if (metadata is not null)
            {
                members.Add((parameter, metadata));
            }
        }

        // OrderBy is stable: named parameters keep the order of the markdown.
        return members.OrderBy(entry => entry.Metadata.SortPosition);
    }

    private static XElement ParameterElement(ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax)
    {
        var defaultValue = metadata.DefaultValue;
        if (metadata.IsSwitch && (defaultValue is null || defaultValue.Equals("None", StringComparison.OrdinalIgnoreCase)))
        {
            defaultValue = "False";
        }

        return new XElement(
            Command + "parameter",
            new XAttribute("required", metadata.Required),
            // platyPS writes "true" for every parameter; Get-Help does not use it.
            new XAttribute("variableLength", true),
            new XAttribute("globbing", metadata.Globbing),
            new XAttribute("pipelineInput", metadata.PipelineInput),
            new XAttribute("position", metadata.Position),
            new XAttribute("aliases", metadata.Aliases.Count > 0 ? string.Join(", ", metadata.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            Description(parameter.Description),
            // The accepted values show in the syntax line as {A | B | C}. New-ExternalHelp puts their
            // variableLength in the command namespace; kept so the output matches it attribute for attribute.
            inSyntax && metadata.AcceptedValues.Count > 0
                ? new XElement(
                    Command + "parameterValueGroup",
                    metadata.AcceptedValues.Select(value => new XElement(
                        Command + "parameterValue",
                        new XAttribute("required", false),
                        new XAttribute(Command + "variableLength", false),
                        value)))
                : null,
            // A switch takes no value, so its syntax shows no <SwitchParameter>.
            inSyntax && metadata.IsSwitch
                ? null
                : new XElement(
                    Command + "parameterValue",
                    new XAttribute("required", !metadata.IsSwitch),
                    new XAttribute("variableLength", false),
                    metadata.MamlType),
            new XElement(Dev + "type", new XElement(Maml + "name", metadata.MamlType), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", defaultValue ?? "None"));
    }

    private static XElement TypeElement(string elementName, TypeHelp type) =>
        new(
            Command + elementName,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            Description(type.Description));

    private static XElement ExampleElement(ExampleHelp example) =>
        new(
            Command + "example",
            new XElement(Maml + "title", PadExampleTitle(example.Title)),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));

    private static XElement LinkElement(RelatedLink link) =>
        new(
            Maml + "navigationLink",
            new XElement(Maml + "linkText", link.Text),
            new XElement(Maml + "uri", link.Uri));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Select(paragraph => new XElement(Maml + "para", paragraph));

    /// <summary>"Example 1: Title" becomes "--------- Example 1: Title ---------", as New-ExternalHelp writes it.</summary>
    private static string PadExampleTitle(string title)
    {
        if (title.Length >= ExampleTitleWidth - 2)
        {
            return title;
        }

        string dashes = new('-', (ExampleTitleWidth - title.Length - 2) / 2);
        return $"{dashes} {title} {dashes}";
    }
}
