using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ModelHub.PowerShell.Completion;

/// <summary>Completes -BaseModel with the families' display names, quoted where they have spaces.</summary>
public sealed class BaseModelCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = wordToComplete.Trim('\'', '"');
        return BaseModels.Families
            .Where(family => family.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(family => new CompletionResult(family.Contains(' ') ? $"'{family}'" : family, family, CompletionResultType.ParameterValue, family));
    }
}
