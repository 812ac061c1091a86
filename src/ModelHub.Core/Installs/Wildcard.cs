using System.Text;
using System.Text.RegularExpressions;

namespace ModelHub.Installs;

/// <summary>
/// A PowerShell wildcard (* any run, ? one character, [abc] and [a-z] one of a set, ` escaping the next character)
/// matched against a whole name, case-insensitively, as -like does.
/// </summary>
internal sealed class Wildcard
{
    private const char Escape = '`';

    private readonly Regex _regex;

    public Wildcard(string pattern) =>
        _regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

    public bool IsMatch(string name) => _regex.IsMatch(name);

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var index = 0; index < pattern.Length; index++)
        {
            var character = pattern[index];
            if (character == Escape && index + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++index].ToString()));
            }
            else if (character == '*')
            {
                regex.Append(".*");
            }
            else if (character == '?')
            {
                regex.Append('.');
            }
            else if (character == '[' && Set(pattern, index + 1) is { } set)
            {
                regex.Append(set.Regex);
                index = set.End;
            }
            else
            {
                regex.Append(Regex.Escape(character.ToString()));
            }
        }

        return regex.Append('$').ToString();
    }

    /// <summary>The character set starting after a '[', up to its ']'; null when it is never closed (the '[' is then literal).</summary>
    private static (string Regex, int End)? Set(string pattern, int start)
    {
        var set = new StringBuilder("[");
        for (var index = start; index < pattern.Length; index++)
        {
            var character = pattern[index];
            if (character == ']' && index > start)
            {
                return (set.Append(']').ToString(), index);
            }

            if (character == Escape && index + 1 < pattern.Length)
            {
                character = pattern[++index];
            }
            else if (character == '-' && index > start && index + 1 < pattern.Length && pattern[index + 1] != ']')
            {
                set.Append('-');
                continue;
            }

            // Inside a class only these are special to .NET; everything else stands for itself.
            set.Append(character is '\\' or ']' or '[' or '^' or '-' ? "\\" + character : character.ToString());
        }

        return null;
    }
}
