using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelHub.Errors;
using ModelHub.Resources;

namespace ModelHub.Manifests;

/// <summary>
/// Reads a manifest from plain data: the dictionaries, lists, strings, numbers and booleans a .psd1 (parsed by the
/// PowerShell layer) or a JSON file holds. Keys match case-insensitively, so the JSON form's camelCase and the .psd1
/// form's PascalCase read alike; unknown keys are ignored. Every problem found is reported at once as ManifestInvalid.
/// </summary>
public static class ManifestReader
{
    private const int ProblemsListed = 10;

    private static readonly Regex Sha256Hex = new("^[0-9a-fA-F]{64}$", RegexOptions.CultureInvariant);

    /// <summary>Reads the JSON form; <paramref name="source"/> names the file in messages.</summary>
    public static Manifest FromJson(string json, string source)
    {
        object? data;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            data = Plain(document.RootElement);
        }
        catch (JsonException exception)
        {
            throw Invalid(source, Text.Format(Messages.ManifestNotJson, exception.Message));
        }

        return FromData(data, source);
    }

    /// <summary>Reads plain data (a dictionary at the top); <paramref name="source"/> names the file in messages.</summary>
    public static Manifest FromData(object? data, string source)
    {
        if (data is not IDictionary top)
        {
            throw Invalid(source, Messages.ManifestNotATable);
        }

        var problems = new List<string>();
        var fields = new Fields(top, string.Empty, problems);
        var formatVersion = fields.Integer("formatVersion", required: true) ?? Manifest.CurrentFormatVersion;
        if (formatVersion > Manifest.CurrentFormatVersion)
        {
            throw new ModelHubException(ErrorIds.ManifestInvalid, HubErrorCategory.InvalidArgument,
                Text.Format(Messages.ManifestTooNew, source, formatVersion, Manifest.CurrentFormatVersion), Messages.ManifestTooNewAction)
            {
                Target = source,
            };
        }

        if (formatVersion < 1)
        {
            problems.Add(Text.Format(Messages.ManifestFieldInvalid, "formatVersion", formatVersion));
        }

        var manifest = new Manifest
        {
            FormatVersion = (int)formatVersion,
            CreatedAt = fields.Date("createdAt"),
            Tool = fields.Enum<Tool>("tool"),
            Files = fields.List("files").Select((item, index) => Entry(item, $"files[{index}]", problems)).ToList(),
        };
        if (problems.Count > 0)
        {
            var listed = problems.Take(ProblemsListed).ToList();
            if (problems.Count > ProblemsListed)
            {
                listed.Add(Text.Format(Messages.ManifestMoreProblems, problems.Count - ProblemsListed));
            }

            throw Invalid(source, string.Join("; ", listed));
        }

        return manifest;
    }

    private static ManifestEntry Entry(object? item, string where, List<string> problems)
    {
        if (item is not IDictionary table)
        {
            problems.Add(Text.Format(Messages.ManifestEntryNotATable, where));
            return new ManifestEntry();
        }

        var fields = new Fields(table, where + ".", problems);
        var sha256 = fields.String("sha256", required: true);
        if (sha256 is not null && !Sha256Hex.IsMatch(sha256))
        {
            problems.Add(Text.Format(Messages.ManifestFieldInvalid, where + ".sha256", sha256));
        }

        var size = fields.Integer("size", required: true);
        if (size < 0)
        {
            problems.Add(Text.Format(Messages.ManifestFieldInvalid, where + ".size", size));
        }

        return new ManifestEntry
        {
            Hub = fields.Enum<Hub>("hub", required: true) ?? default,
            ModelId = fields.String("modelId", required: true) ?? string.Empty,
            VersionId = fields.String("versionId", required: true) ?? string.Empty,
            Name = fields.String("name"),
            HubFileName = fields.String("hubFileName", required: true) ?? string.Empty,
            FileName = fields.String("fileName", required: true) ?? string.Empty,
            Sha256 = sha256?.ToLowerInvariant() ?? string.Empty,
            Size = size ?? 0,
            Tool = fields.Enum<Tool>("tool"),
            Type = fields.Enum<ModelType>("type"),
            BaseModel = fields.String("baseModel"),
            Path = fields.String("path"),
            Pinned = fields.Boolean("pinned") ?? false,
        };
    }

    /// <summary>A JSON value as plain data: dictionaries (keys case-insensitive), lists, strings, numbers, booleans, null.</summary>
    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(new Hashtable(StringComparer.OrdinalIgnoreCase), (table, property) =>
        {
            table[property.Name] = Plain(property.Value);
            return table;
        }),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static ModelHubException Invalid(string source, string problems) =>
        new(ErrorIds.ManifestInvalid, HubErrorCategory.InvalidArgument, Text.Format(Messages.ManifestInvalid, source, problems), Messages.ManifestInvalidAction)
        {
            Target = source,
        };

    /// <summary>One table's fields, read by name case-insensitively; each wrong or missing required field adds a problem.</summary>
    private sealed class Fields
    {
        private readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);
        private readonly string _where;
        private readonly List<string> _problems;

        public Fields(IDictionary table, string where, List<string> problems)
        {
            foreach (DictionaryEntry entry in table)
            {
                _values[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
            }

            _where = where;
            _problems = problems;
        }

        public string? String(string name, bool required = false) => Read(name, required, value => value is string text && text.Trim().Length > 0 ? text.Trim() : null);

        public long? Integer(string name, bool required = false) => Read<long?>(name, required, value => value switch
        {
            int number => number,
            long number => number,
            short number => number,
            byte number => number,
            uint number => number,
            ulong number when number <= long.MaxValue => (long)number,
            double number when number == Math.Floor(number) && Math.Abs(number) < 9e15 => (long)number,
            decimal number when number == decimal.Floor(number) && number <= long.MaxValue && number >= long.MinValue => (long)number,
            _ => null,
        });

        public bool? Boolean(string name) => Read<bool?>(name, required: false, value => value is bool flag ? flag : null);

        public DateTimeOffset? Date(string name) => Read<DateTimeOffset?>(name, required: false, value => value switch
        {
            DateTimeOffset date => date,
            DateTime date => new DateTimeOffset(date),
            string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) => date,
            _ => null,
        });

        public T? Enum<T>(string name, bool required = false)
            where T : struct => Read<T?>(name, required, value => value is string text && System.Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(typeof(T), parsed) ? parsed : null);

        public IReadOnlyList<object?> List(string name)
        {
            var list = Read<IReadOnlyList<object?>?>(name, required: true, value => value is IEnumerable items and not string and not IDictionary ? items.Cast<object?>().ToList() : null);
            return list ?? Array.Empty<object?>();
        }

        private T? Read<T>(string name, bool required, Func<object, T?> convert)
        {
            if (!_values.TryGetValue(name, out var value) || value is null)
            {
                if (required)
                {
                    _problems.Add(Text.Format(Messages.ManifestFieldMissing, _where + name));
                }

                return default;
            }

            var converted = convert(value);
            if (converted is null)
            {
                _problems.Add(Text.Format(Messages.ManifestFieldInvalid, _where + name, value));
            }

            return converted;
        }
    }
}
