using System;
using System.Globalization;
using System.IO;
using ModelHub.Errors;
using ModelHub.Resources;

namespace ModelHub.Settings;

/// <summary>Reads the effective settings from the environment and the state folder's settings.json. An empty variable counts as unset.</summary>
public sealed class SettingsReader
{
    public static readonly Uri DefaultCivitaiEndpoint = new("https://civitai.com");
    public static readonly Uri DefaultHuggingFaceEndpoint = new("https://huggingface.co");

    private readonly IEnvironment _environment;

    public SettingsReader(IEnvironment environment)
    {
        _environment = environment;
    }

    /// <summary>Reads everything; throws <see cref="ErrorIds.InvalidConfiguration"/> naming the variable or file that is wrong.</summary>
    public ModelHubSettings Read()
    {
        var stateFolder = StateFolder(out var source);
        var persisted = PersistedSettings.Read(stateFolder);
        return new ModelHubSettings(
            ReadEndpoint(Hub.Civitai, DefaultCivitaiEndpoint, EnvironmentVariables.CivitaiEndpoint),
            ReadEndpoint(Hub.HuggingFace, DefaultHuggingFaceEndpoint, EnvironmentVariables.HuggingFaceEndpoint, EnvironmentVariables.HfEndpoint),
            ReadRetrySettings(persisted),
            stateFolder,
            source,
            persisted)
        {
            CachePath = Variable(EnvironmentVariables.Cache) is { } cache ? Path.GetFullPath(cache) : null,
        };
    }

    /// <summary>A variable's value, or null when it is unset or empty.</summary>
    public string? Variable(string name)
    {
        var value = _environment.GetVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    private HubEndpoint ReadEndpoint(Hub hub, Uri fallback, params string[] variables)
    {
        foreach (var variable in variables)
        {
            if (Variable(variable) is { } value)
            {
                if (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri)
                    || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                    || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
                {
                    throw Invalid(variable, value, Messages.ExpectedHttpUrl);
                }

                return new HubEndpoint(hub, uri, variable);
            }
        }

        return new HubEndpoint(hub, fallback, SettingSources.Default);
    }

    /// <summary>Each retry setting from its environment variable, else settings.json, else the default.</summary>
    private RetrySettings ReadRetrySettings(PersistedSettings persisted)
    {
        var defaults = RetrySettings.Default;
        return new RetrySettings
        {
            MaxRetries = ReadCount(EnvironmentVariables.MaxRetries) ?? persisted.MaxRetries ?? defaults.MaxRetries,
            BaseDelay = ReadSeconds(EnvironmentVariables.RetryBaseDelay) ?? persisted.RetryBaseDelay ?? defaults.BaseDelay,
            MaxDelay = ReadSeconds(EnvironmentVariables.RetryMaxDelay) ?? persisted.RetryMaxDelay ?? defaults.MaxDelay,
            AttemptTimeout = ReadSeconds(EnvironmentVariables.AttemptTimeout) ?? persisted.AttemptTimeout ?? defaults.AttemptTimeout,
            Timeout = ReadSeconds(EnvironmentVariables.Timeout) ?? persisted.Timeout ?? defaults.Timeout,
            ReadIdleTimeout = ReadSeconds(EnvironmentVariables.ReadIdleTimeout) ?? persisted.ReadIdleTimeout ?? defaults.ReadIdleTimeout,
        };
    }

    private int? ReadCount(string variable)
    {
        if (Variable(variable) is not { } value)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && RetrySettings.IsValidRetryCount(count)
            ? count
            : throw Invalid(variable, value, Messages.ExpectedRetryCount);
    }

    private TimeSpan? ReadSeconds(string variable)
    {
        if (Variable(variable) is not { } value)
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
               && RetrySettings.DelayFromSeconds(seconds) is { } delay
            ? delay
            : throw Invalid(variable, value, Messages.ExpectedSeconds);
    }

    private string StateFolder(out string source)
    {
        if (Variable(EnvironmentVariables.Home) is { } home)
        {
            source = EnvironmentVariables.Home;
            return Path.GetFullPath(home);
        }

        source = SettingSources.Default;
        var name = _environment.UsesPascalCaseFolders ? "ModelHub" : "modelhub";
        var dataFolder = _environment.UserDataFolder;
        return Path.Combine(string.IsNullOrEmpty(dataFolder) ? Path.Combine(_environment.UserHome, ".local", "share") : dataFolder, name);
    }

    private static ModelHubConfigurationException Invalid(string variable, string value, string expected) =>
        new(ErrorIds.InvalidConfiguration, HubErrorCategory.InvalidArgument,
            Text.Format(Messages.InvalidVariable, variable, value, expected),
            Text.Format(Messages.InvalidVariableAction, variable))
        {
            Target = variable,
        };
}
