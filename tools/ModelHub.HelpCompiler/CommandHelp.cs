using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelHub.HelpCompiler;

/// <summary>The help of one cmdlet, as read from its platyPS markdown. Text is held as plain-text paragraphs.</summary>
internal sealed record CommandHelp(
    string Name,
    IReadOnlyList<string> Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<RelatedLink> Links);

/// <summary>
/// One parameter. It has one metadata entry per ```yaml block: platyPS writes several when the parameter
/// differs between parameter sets (mandatory in one, optional in another). The first one describes the
/// parameter in the PARAMETERS section; each one is used in the syntax of its own sets.
/// </summary>
internal sealed record ParameterHelp(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterMetadata> Metadata);

internal sealed record ParameterMetadata(
    string Type,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> AcceptedValues,
    bool Required,
    string Position,
    string? DefaultValue,
    string PipelineInput,
    bool Globbing)
{
    /// <summary>platyPS's name for "the parameter is in every parameter set".</summary>
    public const string AllSets = "(All)";

    public bool IsSwitch =>
        Type.Equals("switch", StringComparison.OrdinalIgnoreCase)
        || Type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase)
        || Type.Equals("System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase);

    /// <summary>The type as MAML spells it: Get-Help knows switches only as SwitchParameter.</summary>
    public string MamlType => IsSwitch ? "SwitchParameter" : Type;

    /// <summary>Positional parameters come first in a syntax line, in position order; named ones keep their order after them.</summary>
    public int SortPosition => int.TryParse(Position, out var position) ? position : int.MaxValue;

    public bool IsInSet(string setName) => ParameterSets.Contains(setName, StringComparer.OrdinalIgnoreCase);
}

/// <summary>An entry of INPUTS or OUTPUTS.</summary>
internal sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

internal sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);

/// <summary>A related link. Uri is empty when the markdown link is not a web address (e.g. a link to a sibling .md file).</summary>
internal sealed record RelatedLink(string Text, string Uri);
