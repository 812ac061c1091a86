using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using ModelHub.Downloads;
using ModelHub.Errors;
using ModelHub.Resources;

namespace ModelHub.Manifests;

/// <summary>
/// Paths relative to a tool root, as manifests hold them: forward slashes, plain names only. A manifest path is only
/// ever resolved inside its root: an absolute path, a drive, "..", a name a file system rejects, or a link on the way
/// (which could lead anywhere) is refused.
/// </summary>
public static class ToolRootPaths
{
    private static readonly char[] Separators = { '/', '\\' };

    /// <summary>Whether two full paths name the same file on this platform (case-insensitive on Windows and macOS).</summary>
    public static StringComparison Comparison { get; } =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Compares full paths as <see cref="Comparison"/> does.</summary>
    public static StringComparer Comparer { get; } = Comparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary><paramref name="path"/> relative to <paramref name="root"/> with forward slashes; null when it is not inside the root.</summary>
    public static string? Relative(string root, string path)
    {
        var prefix = WithSeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(path);
        return full.StartsWith(prefix, Comparison) && full.Length > prefix.Length
            ? full.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/')
            : null;
    }

    /// <summary>
    /// The full path of a manifest's <paramref name="relative"/> path under <paramref name="root"/>. Throws
    /// TargetOutsideToolRoot when the path could lead outside the root (see the class remarks); <paramref name="source"/>
    /// names the manifest in the message.
    /// </summary>
    public static string Resolve(string root, string relative, string source)
    {
        var fullRoot = Trimmed(Path.GetFullPath(root));
        var segments = relative.Split(Separators);
        if (relative.Length == 0 || Separators.Contains(relative[0]) || relative.IndexOf(':') >= 0 || Path.IsPathRooted(relative))
        {
            throw Outside(source, relative, fullRoot, Messages.ManifestPathAbsolute);
        }

        if (segments.Any(segment => segment is ".." or "." || segment.Length == 0))
        {
            throw Outside(source, relative, fullRoot, Messages.ManifestPathClimbs);
        }

        if (segments.FirstOrDefault(segment => SafeFileName.From(segment, string.Empty) != segment) is { } unsafeName)
        {
            throw Outside(source, relative, fullRoot, Text.Format(Messages.ManifestPathBadName, unsafeName));
        }

        var full = Path.GetFullPath(Path.Combine(fullRoot, string.Join(Path.DirectorySeparatorChar.ToString(), segments)));
        if (!full.StartsWith(WithSeparator(fullRoot), Comparison))
        {
            throw Outside(source, relative, fullRoot, Messages.ManifestPathClimbs);
        }

        if (FirstLink(fullRoot, segments) is { } link)
        {
            throw Outside(source, relative, fullRoot, Text.Format(Messages.ManifestPathThroughLink, link));
        }

        return full;
    }

    /// <summary>The first existing folder or file on the way from the root to the target that is a link; null when there is none.</summary>
    private static string? FirstLink(string root, IEnumerable<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            FileAttributes attributes;
            try
            {
                attributes = File.GetAttributes(current);
            }
            catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }

            if ((attributes & FileAttributes.ReparsePoint) != 0)
            {
                return current;
            }
        }

        return null;
    }

    private static string WithSeparator(string path) => Trimmed(path) + (path.Length == Path.GetPathRoot(path)!.Length ? string.Empty : Path.DirectorySeparatorChar.ToString());

    /// <summary>The path without a trailing separator, unless it is a volume's root ("/", "C:\").</summary>
    private static string Trimmed(string path) => path.Length > Path.GetPathRoot(path)!.Length ? path.TrimEnd(Separators) : path;

    private static ModelHubException Outside(string source, string relative, string root, string reason) =>
        new(ErrorIds.TargetOutsideToolRoot, HubErrorCategory.SecurityError,
            Text.Format(Messages.ManifestPathOutsideRoot, source, relative, root, reason), Messages.ManifestPathOutsideRootAction)
        {
            Target = relative,
        };
}
