using System;
using System.IO;
using System.Text.Json;
using ModelHub.Errors;
using ModelHub.Resources;

namespace ModelHub.Settings;

/// <summary>The settings kept in the state folder (settings.json): what Set-HubConfiguration stores.</summary>
public sealed class PersistedSettings
{
    public const string FileName = "settings.json";

    public static readonly PersistedSettings Empty = new();

    public ContentPolicy ContentPolicy { get; private set; }

    /// <summary>The file it came from, or null when there is none.</summary>
    public string? Source { get; private set; }

    /// <summary>Reads the state folder's settings.json; a missing file means defaults, a malformed one is an InvalidConfiguration error.</summary>
    public static PersistedSettings Read(string stateFolder)
    {
        var path = Path.Combine(stateFolder, FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var settings = new PersistedSettings { Source = path };
            if (document.RootElement.TryGetProperty(nameof(ContentPolicy), out var policy))
            {
                settings.ContentPolicy = (ContentPolicy)Enum.Parse(typeof(ContentPolicy), policy.GetString() ?? string.Empty, ignoreCase: true);
            }

            return settings;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new ModelHubConfigurationException(ErrorIds.InvalidConfiguration, HubErrorCategory.InvalidArgument,
                Text.Format(Messages.InvalidSettingsFile, path, exception.Message), Text.Format(Messages.InvalidSettingsFileAction, path))
            {
                Target = path,
            };
        }
    }
}
