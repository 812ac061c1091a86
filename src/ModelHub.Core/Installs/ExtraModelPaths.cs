using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using ModelHub.Errors;
using ModelHub.Resources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelHub.Installs;

/// <summary>
/// ComfyUI's extra_model_paths.yaml, read the way ComfyUI reads it (utils/extra_config.py, folder_paths.py): each
/// section may set base_path (~ and environment variables expanded, relative to the file's folder) and is_default;
/// every other key is a folder name whose value is one path or several on separate lines, relative to base_path
/// (or to the file's folder). ComfyUI appends each path to that folder's list, or inserts it first when is_default.
/// </summary>
internal sealed class ExtraModelPaths
{
    private const string BasePathKey = "base_path";
    private const string IsDefaultKey = "is_default";

    // $NAME and ${NAME}, as Python's os.path.expandvars reads them; Windows also has %NAME%.
    private static readonly Regex UnixVariable = new(@"\$(?:(?<name>[A-Za-z0-9_]+)|\{(?<name>[^}]*)\})", RegexOptions.CultureInvariant);
    private static readonly Regex WindowsVariable = new(@"%(?<name>[^%]+)%", RegexOptions.CultureInvariant);

    private ExtraModelPaths(IReadOnlyList<ExtraModelPath> paths) => Paths = paths;

    /// <summary>Every path in file order.</summary>
    public IReadOnlyList<ExtraModelPath> Paths { get; }

    /// <summary>The file in <paramref name="folder"/>, or null when there is none. Throws InvalidConfiguration when it cannot be read.</summary>
    public static ExtraModelPaths? Read(string folder, string fileName)
    {
        var file = Path.Combine(folder, fileName);
        if (!File.Exists(file))
        {
            return null;
        }

        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            yaml.Load(reader);
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // YamlDotNet reports some unterminated flow collections with an InvalidOperationException.
            throw Invalid(file, exception.Message);
        }

        return new ExtraModelPaths(Parse(file, yaml.Documents.FirstOrDefault()?.RootNode));
    }

    /// <summary>Where ComfyUI writes for these keys: the last is_default path, which ComfyUI inserts first; null when none is marked.</summary>
    public ExtraModelPath? DefaultFor(IReadOnlyCollection<string> keys) =>
        Paths.LastOrDefault(path => path.IsDefault && keys.Contains(path.Key, StringComparer.Ordinal));

    /// <summary>
    /// The folders ComfyUI lists for a folder with these keys and default folders: each is_default path inserted at
    /// the front (so the last comes first), every other path appended in file order.
    /// </summary>
    public List<string> FoldersRead(IEnumerable<string> defaults, IReadOnlyCollection<string> keys)
    {
        var folders = defaults.ToList();
        foreach (var path in Paths.Where(path => keys.Contains(path.Key, StringComparer.Ordinal)))
        {
            if (path.IsDefault)
            {
                folders.Insert(0, path.Folder);
            }
            else
            {
                folders.Add(path.Folder);
            }
        }

        return folders;
    }

    private static List<ExtraModelPath> Parse(string file, YamlNode? root)
    {
        var paths = new List<ExtraModelPath>();
        if (root is null || IsNull(root))
        {
            return paths;
        }

        if (root is not YamlMappingNode sections)
        {
            throw Invalid(file, Messages.ExtraModelPathsNotSections);
        }

        var folder = Path.GetDirectoryName(file)!;
        foreach (var section in sections.Children)
        {
            var name = Scalar(section.Key);
            if (IsNull(section.Value))
            {
                continue;
            }

            if (section.Value is not YamlMappingNode entries)
            {
                throw Invalid(file, Text.Format(Messages.ExtraModelPathsSectionNotMapping, name));
            }

            var basePath = entries.Children.TryGetValue(new YamlScalarNode(BasePathKey), out var baseNode) && !IsNull(baseNode)
                ? Path.Combine(folder, Expand(ValueOf(file, name, BasePathKey, baseNode)))
                : folder;
            var isDefault = entries.Children.TryGetValue(new YamlScalarNode(IsDefaultKey), out var defaultNode) && IsTrue(ValueOf(file, name, IsDefaultKey, defaultNode));
            foreach (var entry in entries.Children)
            {
                var key = Scalar(entry.Key);
                if (key is BasePathKey or IsDefaultKey || IsNull(entry.Value))
                {
                    continue;
                }

                foreach (var line in ValueOf(file, name, key, entry.Value).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0))
                {
                    paths.Add(new ExtraModelPath(name, key, Path.GetFullPath(Path.Combine(basePath, line)), isDefault));
                }
            }
        }

        return paths;
    }

    private static string ValueOf(string file, string section, string key, YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw Invalid(file, Text.Format(Messages.ExtraModelPathsNotPaths, key, section));

    private static string Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : node.ToString();

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    // Python's truth: YAML's false words and zero are false, any other value true.
    private static bool IsTrue(string value) =>
        !(value.Length == 0 || value == "0" || new[] { "false", "no", "off", "null", "~" }.Contains(value, StringComparer.OrdinalIgnoreCase));

    /// <summary>os.path.expanduser then os.path.expandvars: a leading ~ is the home folder; unknown variables stay as written.</summary>
    private static string Expand(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            path = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path.Substring(1);
        }

        path = UnixVariable.Replace(path, match => Environment.GetEnvironmentVariable(match.Groups["name"].Value) ?? match.Value);
        return RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? WindowsVariable.Replace(path, match => Environment.GetEnvironmentVariable(match.Groups["name"].Value) ?? match.Value)
            : path;
    }

    private static ModelHubConfigurationException Invalid(string file, string reason) =>
        new(ErrorIds.InvalidConfiguration, HubErrorCategory.InvalidArgument,
            Text.Format(Messages.ExtraModelPathsInvalid, file, reason), Text.Format(Messages.ExtraModelPathsInvalidAction, file))
        {
            Target = file,
        };
}

/// <summary>One path of an extra_model_paths.yaml section.</summary>
/// <param name="Section">The section's name (a1111, comfyui, …).</param>
/// <param name="Key">The folder name it adds to (loras, checkpoints, unet, …).</param>
/// <param name="Folder">The absolute folder.</param>
/// <param name="IsDefault">Whether the section is marked is_default, so ComfyUI lists it first and writes there.</param>
internal sealed record ExtraModelPath(string Section, string Key, string Folder, bool IsDefault);
