using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ModelHub.PowerShell.Completion;

/// <summary>Completes a parameter with known values, quoted where they have spaces; any other value is still accepted.</summary>
public abstract class KnownValuesCompleter : IArgumentCompleter
{
    private protected abstract IReadOnlyList<string> Values { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = wordToComplete.Trim('\'', '"');
        return Values
            .Where(value => value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(value => new CompletionResult(value.Contains(' ') ? $"'{value}'" : value, value, CompletionResultType.ParameterValue, value));
    }
}

/// <summary>-Format: Civitai's file formats and Hugging Face's diffusers folders.</summary>
public sealed class FileFormatCompleter : KnownValuesCompleter
{
    private protected override IReadOnlyList<string> Values { get; } = new[] { "SafeTensor", "PickleTensor", "GGUF", "Diffusers", "ONNX", "Core ML", "Other" };
}

/// <summary>-Precision: the floating-point precisions files are published in.</summary>
public sealed class PrecisionCompleter : KnownValuesCompleter
{
    private protected override IReadOnlyList<string> Values { get; } = new[] { "fp16", "fp32", "bf16", "fp8", "nf4" };
}

/// <summary>-BaseModel: the families' display names.</summary>
public sealed class BaseModelCompleter : KnownValuesCompleter
{
    private protected override IReadOnlyList<string> Values => BaseModels.Families;
}
