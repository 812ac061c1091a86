using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ModelHub.Resources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelHub.Cards;

/// <summary>
/// A model card's YAML front matter (the lines between a leading "---" and the next "---") as plain values,
/// and the text after it. A card without front matter is all body; a broken one gives a warning, never an exception.
/// </summary>
internal sealed class FrontMatter
{
    private const string Fence = "---";

    // The YAML 1.2 core schema's numbers (decimal only; 0x, 0o, .inf and .nan stay strings).
    private static readonly Regex Integer = new(@"^[-+]?[0-9]+$");
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    private FrontMatter(List<KeyValuePair<string, object?>>? metadata, string body, string? warning)
    {
        Metadata = metadata;
        Body = body;
        Warning = warning;
    }

    /// <summary>Every key, in order, with its YAML type kept (PlainJson's shapes); null when the card has none or it is broken.</summary>
    public List<KeyValuePair<string, object?>>? Metadata { get; }

    /// <summary>The text after the front matter, with LF line endings.</summary>
    public string Body { get; }

    /// <summary>Why the front matter was left out, when it is broken.</summary>
    public string? Warning { get; }

    public static FrontMatter Read(string text)
    {
        var normalized = text.Replace("\r\n", "\n").TrimStart('\uFEFF');
        var lines = normalized.Split('\n');
        if (lines[0].TrimEnd() != Fence)
        {
            return new FrontMatter(null, normalized, null);
        }

        var end = Array.FindIndex(lines, 1, line => line.TrimEnd() == Fence);
        if (end < 0)
        {
            return new FrontMatter(null, normalized, Messages.CardFrontMatterUnclosed);
        }

        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(string.Join("\n", lines, 1, end - 1)));
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException)
        {
            // YamlDotNet reports some unterminated flow collections with an InvalidOperationException.
            return new FrontMatter(null, normalized, Text.Format(Messages.CardFrontMatterInvalid, exception.Message));
        }

        var body = string.Join("\n", lines, end + 1, lines.Length - end - 1).TrimStart('\n');
        return yaml.Documents.FirstOrDefault()?.RootNode switch
        {
            null => new FrontMatter(new List<KeyValuePair<string, object?>>(), body, null),
            YamlMappingNode mapping => new FrontMatter(Mapping(mapping), body, null),
            _ => new FrontMatter(null, normalized, Messages.CardFrontMatterNotMapping),
        };
    }

    private static List<KeyValuePair<string, object?>> Mapping(YamlMappingNode mapping) =>
        mapping.Children.Select(pair => new KeyValuePair<string, object?>(pair.Key is YamlScalarNode key ? key.Value ?? string.Empty : pair.Key.ToString(), Plain(pair.Value))).ToList();

    private static object? Plain(YamlNode node) => node switch
    {
        YamlMappingNode mapping => Mapping(mapping),
        YamlSequenceNode sequence => sequence.Children.Select(Plain).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Typed(scalar.Value),
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    /// <summary>
    /// An unquoted scalar's core-schema type, in PlainJson's shapes: null, booleans, whole numbers as long (ulong,
    /// decimal when larger), other numbers as double; anything else a string. Quoted scalars are always strings.
    /// </summary>
    private static object? Typed(string? value) => value switch
    {
        null or "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ when Integer.IsMatch(value) => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole
            : ulong.TryParse(value.TrimStart('+'), NumberStyles.None, CultureInfo.InvariantCulture, out var large) ? large
            : decimal.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exact) ? exact
            : double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ when Float.IsMatch(value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => value,
    };
}
