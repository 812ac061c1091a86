using System;
using System.IO;
using System.Linq;
using System.Text;

namespace ModelHub.Downloads;

/// <summary>
/// Turns a name a hub supplied into one that is safe on every file system: no folders (so no path
/// traversal), no characters Windows or Unix reject, no reserved device names, no trailing dots or spaces.
/// </summary>
public static class SafeFileName
{
    private static readonly string[] ReservedNames =
        { "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9" };

    // Windows' set, which includes every character Unix rejects; fixed so a name is the same on every platform.
    private static readonly char[] Invalid = "<>:\"/\\|?*".ToCharArray().Concat(Enumerable.Range(0, 32).Select(code => (char)code)).ToArray();

    private const int MaxLength = 200;

    /// <summary>The safe form of <paramref name="name"/>; <paramref name="fallback"/> when nothing usable is left.</summary>
    public static string From(string? name, string fallback)
    {
        var leaf = (name ?? string.Empty).Replace('\\', '/');
        leaf = leaf.Substring(leaf.LastIndexOf('/') + 1);
        var builder = new StringBuilder(leaf.Length);
        foreach (var character in leaf)
        {
            builder.Append(Array.IndexOf(Invalid, character) >= 0 ? '_' : character);
        }

        var safe = builder.ToString().Trim().TrimEnd('.', ' ');
        safe = safe.TrimStart('.');
        if (safe.Length == 0)
        {
            return fallback;
        }

        var stem = Path.GetFileNameWithoutExtension(safe);
        if (ReservedNames.Contains(stem, StringComparer.OrdinalIgnoreCase))
        {
            safe = "_" + safe;
        }

        if (safe.Length > MaxLength)
        {
            var extension = Path.GetExtension(safe);
            safe = safe.Substring(0, MaxLength - extension.Length) + extension;
        }

        return safe;
    }
}
