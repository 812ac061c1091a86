using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelHub.Errors;
using ModelHub.IO;
using ModelHub.Resources;

namespace ModelHub.Settings;

/// <summary>
/// The settings kept in the state folder (settings.json): what Set-HubConfiguration stores. Each is null when
/// the file does not hold it. The file's keys are the property names; delays and timeouts are in seconds.
/// </summary>
public sealed class PersistedSettings
{
    public const string FileName = "settings.json";

    public static readonly PersistedSettings Empty = new();

    private static readonly JsonSerializerOptions FileFormat = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every setting the file may hold, by its key (Set-HubConfiguration's parameters have the same names).</summary>
    public static IReadOnlyList<string> Names { get; } = Empty.Entries().Select(entry => entry.Key).ToArray();

    /// <summary>What Set-HubConfiguration asks to confirm before it changes the file.</summary>
    public static string UpdateAction => Messages.UpdateSettingsAction;

    /// <summary>The tool installs place files for.</summary>
    public Tool? Tool { get; init; }

    /// <summary>The tool's folder (a full path).</summary>
    public string? ToolRoot { get; init; }

    public ContentPolicy? ContentPolicy { get; init; }

    public int? MaxRetries { get; init; }

    public TimeSpan? RetryBaseDelay { get; init; }

    public TimeSpan? RetryMaxDelay { get; init; }

    public TimeSpan? AttemptTimeout { get; init; }

    public TimeSpan? Timeout { get; init; }

    public TimeSpan? ReadIdleTimeout { get; init; }

    /// <summary>The file it came from, or null when there is none.</summary>
    public string? Source { get; private set; }

    /// <summary>The settings file of a state folder.</summary>
    public static string PathIn(string stateFolder) => Path.Combine(stateFolder, FileName);

    /// <summary>Reads the state folder's settings.json; a missing file means defaults, a malformed one is an InvalidConfiguration error.</summary>
    public static PersistedSettings Read(string stateFolder)
    {
        var path = PathIn(stateFolder);
        if (!File.Exists(path))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException(Messages.SettingsNotAnObject);
            }

            return new PersistedSettings
            {
                Source = path,
                Tool = ReadChoice<Tool>(root, nameof(Tool)),
                ToolRoot = ReadFullPath(root, nameof(ToolRoot)),
                ContentPolicy = ReadChoice<ContentPolicy>(root, nameof(ContentPolicy)),
                MaxRetries = ReadCount(root, nameof(MaxRetries)),
                RetryBaseDelay = ReadSeconds(root, nameof(RetryBaseDelay)),
                RetryMaxDelay = ReadSeconds(root, nameof(RetryMaxDelay)),
                AttemptTimeout = ReadSeconds(root, nameof(AttemptTimeout)),
                Timeout = ReadSeconds(root, nameof(Timeout)),
                ReadIdleTimeout = ReadSeconds(root, nameof(ReadIdleTimeout)),
            };
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            throw InvalidFile(path, exception);
        }
    }

    /// <summary>
    /// Stores every setting <paramref name="values"/> holds in the state folder's settings.json, leaving the others
    /// and any key ModelHub does not know as they are. Creates the folder and the file when missing, and replaces
    /// the file in one step. A malformed file is InvalidConfiguration; a failed write is SettingsNotWritten.
    /// </summary>
    public static void Store(string stateFolder, PersistedSettings values) =>
        Update(stateFolder, settings =>
        {
            foreach (var entry in values.Entries().Where(entry => entry.Value is not null))
            {
                settings[entry.Key] = entry.Value;
            }
        });

    /// <summary>Removes the named settings (of <see cref="Names"/>) from settings.json, as <see cref="Store"/> writes.</summary>
    public static void Remove(string stateFolder, IEnumerable<string> names) =>
        Update(stateFolder, settings =>
        {
            foreach (var name in names)
            {
                settings.Remove(name);
            }
        });

    private static void Update(string stateFolder, Action<JsonObject> change)
    {
        var path = PathIn(stateFolder);
        JsonObject settings;
        try
        {
            settings = !File.Exists(path) ? new JsonObject()
                : JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException(Messages.SettingsNotAnObject);
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            throw InvalidFile(path, exception);
        }

        change(settings);
        try
        {
            AtomicFile.WriteAllText(path, settings.ToJsonString(FileFormat) + Environment.NewLine);
        }
        catch (Exception exception) when (AtomicFile.IsWriteFailure(exception))
        {
            throw new ModelHubException(ErrorIds.SettingsNotWritten, HubErrorCategory.ResourceUnavailable,
                Text.Format(Messages.SettingsNotWritten, path, exception.Message), Messages.SettingsNotWrittenAction, exception)
            {
                Target = path,
            };
        }
    }

    /// <summary>Each setting as it is written to the file: its key and its JSON value, null when unset.</summary>
    private IEnumerable<KeyValuePair<string, JsonNode?>> Entries() => new KeyValuePair<string, JsonNode?>[]
    {
        new(nameof(Tool), Tool?.ToString()),
        new(nameof(ToolRoot), ToolRoot),
        new(nameof(ContentPolicy), ContentPolicy?.ToString()),
        new(nameof(MaxRetries), MaxRetries),
        new(nameof(RetryBaseDelay), RetryBaseDelay?.TotalSeconds),
        new(nameof(RetryMaxDelay), RetryMaxDelay?.TotalSeconds),
        new(nameof(AttemptTimeout), AttemptTimeout?.TotalSeconds),
        new(nameof(Timeout), Timeout?.TotalSeconds),
        new(nameof(ReadIdleTimeout), ReadIdleTimeout?.TotalSeconds),
    };

    private static JsonElement? Value(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static T? ReadChoice<T>(JsonElement root, string name)
        where T : struct, Enum =>
        Value(root, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.String && Enum.TryParse<T>(value.GetString(), ignoreCase: true, out var choice) && Enum.IsDefined(typeof(T), choice) ? choice
        : throw Invalid(name, value, Text.Format(Messages.ExpectedOneOf, string.Join(", ", Enum.GetNames(typeof(T)))));

    private static string? ReadFullPath(JsonElement root, string name) =>
        Value(root, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } path && Path.IsPathRooted(path) ? path
        : throw Invalid(name, value, Messages.ExpectedFullPath);

    private static int? ReadCount(JsonElement root, string name) =>
        Value(root, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && RetrySettings.IsValidRetryCount(count) ? count
        : throw Invalid(name, value, Messages.ExpectedRetryCount);

    private static TimeSpan? ReadSeconds(JsonElement root, string name) =>
        Value(root, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && RetrySettings.DelayFromSeconds(seconds) is { } delay ? delay
        : throw Invalid(name, value, Messages.ExpectedSeconds);

    private static JsonException Invalid(string name, JsonElement value, string expected) =>
        new(Text.Format(Messages.InvalidSetting, name, value.GetRawText(), expected));

    private static bool IsUnreadable(Exception exception) =>
        exception is JsonException or ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException;

    private static ModelHubConfigurationException InvalidFile(string path, Exception exception) =>
        new(ErrorIds.InvalidConfiguration, HubErrorCategory.InvalidArgument,
            Text.Format(Messages.InvalidSettingsFile, path, exception.Message), Text.Format(Messages.InvalidSettingsFileAction, path))
        {
            Target = path,
        };
}
