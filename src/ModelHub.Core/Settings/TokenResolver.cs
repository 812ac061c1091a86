using System.IO;

namespace ModelHub.Settings;

/// <summary>
/// Finds the token for a hub, highest precedence first: a token given to the cmdlet, the session's,
/// the environment's, then the persisted one (huggingface_hub's token file; ModelHub's state folder for Civitai).
/// </summary>
public sealed class TokenResolver
{
    /// <summary>The file, in the state folder, that holds a persisted Civitai token.</summary>
    public const string CivitaiTokenFileName = "civitai.token";

    private readonly SettingsReader _settings;
    private readonly IEnvironment _environment;
    private readonly SessionTokens _session;

    public TokenResolver(SettingsReader settings, IEnvironment environment, SessionTokens session)
    {
        _settings = settings;
        _environment = environment;
        _session = session;
    }

    public HubToken Resolve(Hub hub, string stateFolder, string? explicitToken = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitToken))
        {
            return new HubToken(explicitToken!.Trim(), SettingSources.Parameter);
        }

        if (_session.Get(hub) is { } sessionToken)
        {
            return new HubToken(sessionToken, SettingSources.Session);
        }

        var variables = hub == Hub.Civitai
            ? new[] { EnvironmentVariables.CivitaiToken }
            : new[] { EnvironmentVariables.HfToken, EnvironmentVariables.HfTokenLegacy };
        foreach (var variable in variables)
        {
            if (_settings.Variable(variable) is { } value)
            {
                return new HubToken(value, variable);
            }
        }

        var file = hub == Hub.Civitai ? Path.Combine(stateFolder, CivitaiTokenFileName) : HuggingFaceTokenPath();
        return ReadTokenFile(file) is { } persisted ? new HubToken(persisted, file) : HubToken.None;
    }

    /// <summary>huggingface_hub's token file: $HF_TOKEN_PATH, else $HF_HOME/token (HF_HOME defaults to $XDG_CACHE_HOME/huggingface or ~/.cache/huggingface).</summary>
    public string HuggingFaceTokenPath()
    {
        if (_settings.Variable(EnvironmentVariables.HfTokenPath) is { } tokenPath)
        {
            return tokenPath;
        }

        var hfHome = _settings.Variable(EnvironmentVariables.HfHome)
            ?? Path.Combine(_settings.Variable(EnvironmentVariables.XdgCacheHome) ?? Path.Combine(_environment.UserHome, ".cache"), "huggingface");
        return Path.Combine(hfHome, "token");
    }

    private static string? ReadTokenFile(string path)
    {
        try
        {
            var token = File.ReadAllText(path).Trim();
            return token.Length == 0 ? null : token;
        }
        catch (IOException)
        {
            return null;
        }
        catch (System.UnauthorizedAccessException)
        {
            return null;
        }
    }
}
