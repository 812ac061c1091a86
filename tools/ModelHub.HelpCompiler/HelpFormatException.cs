using System;
using System.Collections.Generic;

namespace ModelHub.HelpCompiler;

/// <summary>
/// A help document that cannot be compiled. It carries every problem found in the file, so an author
/// fixes them in one pass instead of one build per problem.
/// </summary>
internal sealed class HelpFormatException : Exception
{
    public HelpFormatException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public HelpFormatException(string problem)
        : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; }
}
