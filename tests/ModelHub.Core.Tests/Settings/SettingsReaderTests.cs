using System;
using System.IO;
using ModelHub.Errors;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Settings;

public sealed class SettingsReaderTests : IDisposable
{
    private readonly TempFolder _home = new();
    private readonly FakeEnvironment _environment;

    public SettingsReaderTests()
    {
        _environment = new FakeEnvironment(_home.Path);
    }

    public void Dispose() => _home.Dispose();

    private ModelHubSettings Read() => new SettingsReader(_environment).Read();

    [Fact]
    public void Defaults_to_the_real_hubs()
    {
        var settings = Read();

        Assert.Equal(new Uri("https://civitai.com"), settings.Civitai.Uri);
        Assert.Equal(new Uri("https://huggingface.co"), settings.HuggingFace.Uri);
        Assert.Equal(SettingSources.Default, settings.Civitai.Source);
        Assert.Equal(SettingSources.Default, settings.HuggingFace.Source);
        Assert.True(settings.Civitai.IsSecure);
    }

    [Fact]
    public void Takes_each_endpoint_from_its_variable_and_says_so()
    {
        _environment[EnvironmentVariables.CivitaiEndpoint] = "https://civitai.mirror.example/";
        _environment[EnvironmentVariables.HuggingFaceEndpoint] = "https://hf.mirror.example";

        var settings = Read();

        Assert.Equal("https://civitai.mirror.example/", settings.Civitai.Uri.ToString());
        Assert.Equal(EnvironmentVariables.CivitaiEndpoint, settings.Civitai.Source);
        Assert.Equal(EnvironmentVariables.HuggingFaceEndpoint, settings.HuggingFace.Source);
    }

    [Fact]
    public void Honours_HF_ENDPOINT_only_when_the_ModelHub_variable_is_unset()
    {
        _environment[EnvironmentVariables.HfEndpoint] = "https://hf-endpoint.example";
        Assert.Equal(EnvironmentVariables.HfEndpoint, Read().HuggingFace.Source);

        _environment[EnvironmentVariables.HuggingFaceEndpoint] = "https://modelhub-hf.example";
        Assert.Equal(new Uri("https://modelhub-hf.example"), Read().HuggingFace.Uri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_variable_counts_as_unset(string empty)
    {
        _environment[EnvironmentVariables.CivitaiEndpoint] = empty;
        _environment[EnvironmentVariables.HuggingFaceEndpoint] = empty;
        _environment[EnvironmentVariables.HfEndpoint] = "https://hf-endpoint.example";

        var settings = Read();

        Assert.Equal(SettingSources.Default, settings.Civitai.Source);
        Assert.Equal(EnvironmentVariables.HfEndpoint, settings.HuggingFace.Source);
    }

    [Fact]
    public void Keeps_a_path_prefix_and_builds_urls_below_it()
    {
        _environment[EnvironmentVariables.HuggingFaceEndpoint] = "https://proxy.example/hf/";

        var endpoint = Read().HuggingFace;

        Assert.Equal(new Uri("https://proxy.example/hf/api/models/a/b"), endpoint.Combine("/api/models/a/b"));
    }

    [Theory]
    [InlineData("civitai.com")]
    [InlineData("ftp://civitai.com")]
    [InlineData("https://civitai.com/?x=1")]
    public void Rejects_an_endpoint_that_is_not_an_http_url(string value)
    {
        _environment[EnvironmentVariables.CivitaiEndpoint] = value;

        var error = Assert.Throws<ModelHubConfigurationException>(Read);

        Assert.Equal(ErrorIds.InvalidConfiguration, error.ErrorId);
        Assert.Contains(EnvironmentVariables.CivitaiEndpoint, error.Message);
    }

    [Theory]
    [InlineData("http://civitai.com", false)]
    [InlineData("http://192.168.1.10:8080", false)]
    [InlineData("https://civitai.com", true)]
    [InlineData("http://127.0.0.1:41234", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    public void Accepts_plain_http_only_for_loopback_hosts(string value, bool secure)
    {
        _environment[EnvironmentVariables.CivitaiEndpoint] = value;

        var endpoint = Read().Civitai;

        Assert.Equal(secure, endpoint.IsSecure);
        if (!secure)
        {
            var error = Assert.Throws<ModelHubConfigurationException>(endpoint.EnsureSecure);
            Assert.Equal(ErrorIds.InsecureEndpoint, error.ErrorId);
            Assert.Contains(EnvironmentVariables.CivitaiEndpoint, error.Message);
        }
    }

    [Fact]
    public void Reads_retry_settings_from_the_environment()
    {
        _environment[EnvironmentVariables.MaxRetries] = "2";
        _environment[EnvironmentVariables.RetryBaseDelay] = "0.05";
        _environment[EnvironmentVariables.RetryMaxDelay] = "0.5";
        _environment[EnvironmentVariables.AttemptTimeout] = "3";
        _environment[EnvironmentVariables.Timeout] = "20";
        _environment[EnvironmentVariables.ReadIdleTimeout] = "1.5";

        var retry = Read().Retry;

        Assert.Equal(new RetrySettings
        {
            MaxRetries = 2,
            BaseDelay = TimeSpan.FromMilliseconds(50),
            MaxDelay = TimeSpan.FromMilliseconds(500),
            AttemptTimeout = TimeSpan.FromSeconds(3),
            Timeout = TimeSpan.FromSeconds(20),
            ReadIdleTimeout = TimeSpan.FromSeconds(1.5),
        }, retry);
    }

    [Theory]
    [InlineData(EnvironmentVariables.MaxRetries, "-1")]
    [InlineData(EnvironmentVariables.MaxRetries, "lots")]
    [InlineData(EnvironmentVariables.MaxRetries, "1000")]
    [InlineData(EnvironmentVariables.Timeout, "0")]
    [InlineData(EnvironmentVariables.ReadIdleTimeout, "soon")]
    public void Names_the_variable_that_holds_a_bad_value(string variable, string value)
    {
        _environment[variable] = value;

        var error = Assert.Throws<ModelHubConfigurationException>(Read);

        Assert.Equal(ErrorIds.InvalidConfiguration, error.ErrorId);
        Assert.Equal(variable, error.Target);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void Keeps_state_in_the_platform_data_folder_unless_MODELHUB_HOME_says_otherwise()
    {
        var settings = Read();
        Assert.Equal(Path.Combine(_environment.UserDataFolder, "modelhub"), settings.StateFolder);
        Assert.Equal(SettingSources.Default, settings.StateFolderSource);

        _environment.UsesPascalCaseFolders = true;
        Assert.Equal(Path.Combine(_environment.UserDataFolder, "ModelHub"), Read().StateFolder);

        _environment[EnvironmentVariables.Home] = Path.Combine(_home.Path, "state");
        settings = Read();
        Assert.Equal(Path.Combine(_home.Path, "state"), settings.StateFolder);
        Assert.Equal(EnvironmentVariables.Home, settings.StateFolderSource);
    }
}
