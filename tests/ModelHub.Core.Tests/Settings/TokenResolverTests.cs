using System;
using System.IO;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Settings;

public sealed class TokenResolverTests : IDisposable
{
    private readonly TempFolder _home = new();
    private readonly FakeEnvironment _environment;
    private readonly SessionTokens _session = new();
    private readonly TokenResolver _resolver;
    private readonly string _state;

    public TokenResolverTests()
    {
        _environment = new FakeEnvironment(_home.Path);
        _resolver = new TokenResolver(new SettingsReader(_environment), _environment, _session);
        _state = Path.Combine(_home.Path, "state");
    }

    public void Dispose() => _home.Dispose();

    private HubToken Resolve(Hub hub, string? parameter = null) => _resolver.Resolve(hub, _state, parameter);

    [Fact]
    public void Hugging_Face_precedence_is_parameter_session_HF_TOKEN_legacy_variable_token_file()
    {
        var tokenFile = _home.Write(".cache/huggingface/token", "hf_from_file\n");
        Assert.Equal(("hf_from_file", tokenFile), Describe(Resolve(Hub.HuggingFace)));

        _environment[EnvironmentVariables.HfTokenLegacy] = "hf_legacy";
        Assert.Equal(("hf_legacy", EnvironmentVariables.HfTokenLegacy), Describe(Resolve(Hub.HuggingFace)));

        _environment[EnvironmentVariables.HfToken] = "hf_env";
        Assert.Equal(("hf_env", EnvironmentVariables.HfToken), Describe(Resolve(Hub.HuggingFace)));

        _session.Set(Hub.HuggingFace, "hf_session");
        Assert.Equal(("hf_session", SettingSources.Session), Describe(Resolve(Hub.HuggingFace)));

        Assert.Equal(("hf_parameter", SettingSources.Parameter), Describe(Resolve(Hub.HuggingFace, "hf_parameter")));

        _session.Remove(Hub.HuggingFace);
        Assert.Equal(("hf_env", EnvironmentVariables.HfToken), Describe(Resolve(Hub.HuggingFace)));
    }

    [Fact]
    public void Civitai_precedence_is_parameter_session_variable_state_folder()
    {
        Assert.False(Resolve(Hub.Civitai).IsSet);
        Assert.Equal(SettingSources.None, Resolve(Hub.Civitai).Source);

        var file = _home.Write("state/" + TokenResolver.CivitaiTokenFileName, "civitai_file");
        Assert.Equal(("civitai_file", file), Describe(Resolve(Hub.Civitai)));

        _environment[EnvironmentVariables.CivitaiToken] = "civitai_env";
        Assert.Equal(("civitai_env", EnvironmentVariables.CivitaiToken), Describe(Resolve(Hub.Civitai)));

        _session.Set(Hub.Civitai, "civitai_session");
        Assert.Equal(("civitai_session", SettingSources.Session), Describe(Resolve(Hub.Civitai)));
        Assert.Equal(("civitai_parameter", SettingSources.Parameter), Describe(Resolve(Hub.Civitai, "civitai_parameter")));
    }

    [Fact]
    public void A_hubs_token_is_never_used_for_the_other_hub()
    {
        _environment[EnvironmentVariables.CivitaiToken] = "civitai_env";
        _session.Set(Hub.Civitai, "civitai_session");

        Assert.False(Resolve(Hub.HuggingFace).IsSet);
    }

    [Fact]
    public void Finds_the_token_file_where_huggingface_hub_keeps_it()
    {
        Assert.Equal(Path.Combine(_home.Path, ".cache", "huggingface", "token"), _resolver.HuggingFaceTokenPath());

        _environment[EnvironmentVariables.XdgCacheHome] = Path.Combine(_home.Path, "xdg");
        Assert.Equal(Path.Combine(_home.Path, "xdg", "huggingface", "token"), _resolver.HuggingFaceTokenPath());

        _environment[EnvironmentVariables.HfHome] = Path.Combine(_home.Path, "hf-home");
        Assert.Equal(Path.Combine(_home.Path, "hf-home", "token"), _resolver.HuggingFaceTokenPath());

        _environment[EnvironmentVariables.HfTokenPath] = Path.Combine(_home.Path, "elsewhere", "my-token");
        Assert.Equal(Path.Combine(_home.Path, "elsewhere", "my-token"), _resolver.HuggingFaceTokenPath());
    }

    [Fact]
    public void Empty_variables_and_empty_token_files_count_as_no_token()
    {
        _environment[EnvironmentVariables.HfToken] = "";
        _home.Write(".cache/huggingface/token", " \n");

        Assert.Equal(HubToken.None, Resolve(Hub.HuggingFace));
    }

    private static (string?, string) Describe(HubToken token) => (token.Value, token.Source);
}
