using System;
using System.IO;
using System.Text.Json;
using ModelHub.Errors;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Settings;

public sealed class PersistedSettingsTests : IDisposable
{
    private readonly TempFolder _home = new();
    private readonly FakeEnvironment _environment;

    public PersistedSettingsTests()
    {
        _environment = new FakeEnvironment(_home.Path);
        _environment[EnvironmentVariables.Home] = StateFolder;
    }

    public void Dispose() => _home.Dispose();

    private string StateFolder => Path.Combine(_home.Path, "state");

    private string SettingsFile => Path.Combine(StateFolder, PersistedSettings.FileName);

    private ModelHubSettings Read() => new SettingsReader(_environment).Read();

    [Fact]
    public void Stores_every_setting_and_reads_it_back_creating_the_state_folder()
    {
        var root = Path.Combine(_home.Path, "ComfyUI");

        PersistedSettings.Store(StateFolder, new PersistedSettings
        {
            Tool = Tool.ComfyUI,
            ToolRoot = root,
            ContentPolicy = ContentPolicy.Strict,
            MaxRetries = 0,
            RetryBaseDelay = TimeSpan.FromMilliseconds(250),
            RetryMaxDelay = TimeSpan.FromSeconds(10),
            AttemptTimeout = TimeSpan.FromSeconds(45),
            Timeout = TimeSpan.FromMinutes(10),
            ReadIdleTimeout = TimeSpan.FromSeconds(90),
        });

        var settings = Read();
        Assert.Equal(Tool.ComfyUI, settings.Tool);
        Assert.Equal(root, settings.ToolRoot);
        Assert.Equal(ContentPolicy.Strict, settings.ContentPolicy);
        Assert.Equal(SettingsFile, settings.Persisted.Source);
        Assert.Equal(new RetrySettings
        {
            MaxRetries = 0,
            BaseDelay = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(10),
            AttemptTimeout = TimeSpan.FromSeconds(45),
            Timeout = TimeSpan.FromMinutes(10),
            ReadIdleTimeout = TimeSpan.FromSeconds(90),
        }, settings.Retry);

        using var file = JsonDocument.Parse(File.ReadAllText(SettingsFile));
        Assert.Equal("ComfyUI", file.RootElement.GetProperty("Tool").GetString());
        Assert.Equal(0.25, file.RootElement.GetProperty("RetryBaseDelay").GetDouble());
        Assert.Equal(600, file.RootElement.GetProperty("Timeout").GetDouble());
    }

    [Fact]
    public void Without_a_file_nothing_is_set_and_the_defaults_apply()
    {
        var settings = Read();

        Assert.Same(PersistedSettings.Empty, settings.Persisted);
        Assert.Null(settings.Tool);
        Assert.Null(settings.ToolRoot);
        Assert.Equal(ContentPolicy.Default, settings.ContentPolicy);
        Assert.Equal(RetrySettings.Default, settings.Retry);
    }

    [Fact]
    public void Changes_only_the_settings_given_and_keeps_keys_it_does_not_know()
    {
        _home.Write(SettingsFile, """{ "Theme": "dark", "Nested": { "list": [1, 2] }, "ContentPolicy": "Strict", "MaxRetries": 2 }""");

        PersistedSettings.Store(StateFolder, new PersistedSettings { MaxRetries = 7, Tool = Tool.Forge });

        using var file = JsonDocument.Parse(File.ReadAllText(SettingsFile));
        Assert.Equal("dark", file.RootElement.GetProperty("Theme").GetString());
        Assert.Equal(2, file.RootElement.GetProperty("Nested").GetProperty("list").GetArrayLength());
        var settings = Read();
        Assert.Equal(ContentPolicy.Strict, settings.ContentPolicy);
        Assert.Equal(7, settings.Retry.MaxRetries);
        Assert.Equal(Tool.Forge, settings.Tool);
    }

    [Fact]
    public void Removes_the_named_settings_or_all_of_them_and_keeps_keys_it_does_not_know()
    {
        _home.Write(SettingsFile, """{ "Theme": "dark", "ContentPolicy": "Strict", "MaxRetries": 2, "Tool": "A1111" }""");

        PersistedSettings.Remove(StateFolder, new[] { nameof(PersistedSettings.MaxRetries) });

        var settings = Read();
        Assert.Equal(RetrySettings.Default.MaxRetries, settings.Retry.MaxRetries);
        Assert.Equal(ContentPolicy.Strict, settings.ContentPolicy);
        Assert.Equal(Tool.A1111, settings.Tool);

        PersistedSettings.Remove(StateFolder, PersistedSettings.Names);

        using var file = JsonDocument.Parse(File.ReadAllText(SettingsFile));
        Assert.Equal("""{"Theme":"dark"}""", JsonSerializer.Serialize(file.RootElement));
    }

    [Fact]
    public void Names_every_stored_setting_by_its_key()
    {
        Assert.Equal(
            new[] { "Tool", "ToolRoot", "ContentPolicy", "MaxRetries", "RetryBaseDelay", "RetryMaxDelay", "AttemptTimeout", "Timeout", "ReadIdleTimeout" },
            PersistedSettings.Names);
    }

    [Fact]
    public void A_retry_variable_wins_over_the_file_which_wins_over_the_default()
    {
        _home.Write(SettingsFile, """{ "MaxRetries": 2, "Timeout": 20, "ReadIdleTimeout": 4 }""");
        _environment[EnvironmentVariables.MaxRetries] = "9";
        _environment[EnvironmentVariables.ReadIdleTimeout] = " ";

        var retry = Read().Retry;

        Assert.Equal(9, retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(20), retry.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(4), retry.ReadIdleTimeout);
        Assert.Equal(RetrySettings.Default.BaseDelay, retry.BaseDelay);
    }

    [Fact]
    public void Reads_choices_in_any_case_and_a_null_as_unset()
    {
        _home.Write(SettingsFile, """{ "Tool": "comfyui", "ContentPolicy": "strict", "MaxRetries": null }""");

        var settings = Read();

        Assert.Equal(Tool.ComfyUI, settings.Tool);
        Assert.Equal(ContentPolicy.Strict, settings.ContentPolicy);
        Assert.Null(settings.Persisted.MaxRetries);
    }

    [Theory]
    [InlineData("{ \"ContentPolicy\": ", "")]
    [InlineData("[]", "JSON object")]
    [InlineData("{ \"Tool\": \"Blender\" }", "A1111, Forge, ComfyUI")]
    [InlineData("{ \"ContentPolicy\": 1 }", "Default, Strict")]
    [InlineData("{ \"ToolRoot\": \"relative/folder\" }", "full path")]
    [InlineData("{ \"MaxRetries\": 1000 }", "0 to 100")]
    [InlineData("{ \"MaxRetries\": \"2\" }", "0 to 100")]
    [InlineData("{ \"Timeout\": 0 }", "greater than 0")]
    [InlineData("{ \"RetryBaseDelay\": 86401 }", "at most 86400")]
    public void A_malformed_file_is_InvalidConfiguration_naming_the_file(string content, string expected)
    {
        _home.Write(SettingsFile, content);

        var error = Assert.Throws<ModelHubConfigurationException>(Read);

        Assert.Equal(ErrorIds.InvalidConfiguration, error.ErrorId);
        Assert.Equal(HubErrorCategory.InvalidArgument, error.Category);
        Assert.Equal(SettingsFile, error.Target);
        Assert.Contains(SettingsFile, error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Contains(SettingsFile, error.RecommendedAction);
    }

    [Fact]
    public void Does_not_write_over_a_malformed_file()
    {
        _home.Write(SettingsFile, "{ not json");

        var error = Assert.Throws<ModelHubConfigurationException>(() => PersistedSettings.Store(StateFolder, new PersistedSettings { MaxRetries = 1 }));

        Assert.Equal(ErrorIds.InvalidConfiguration, error.ErrorId);
        Assert.Equal("{ not json", File.ReadAllText(SettingsFile));
    }

    [Fact]
    public void Replaces_the_file_in_one_step_and_leaves_no_temporary_file()
    {
        PersistedSettings.Store(StateFolder, new PersistedSettings { Tool = Tool.A1111 });
        PersistedSettings.Store(StateFolder, new PersistedSettings { MaxRetries = 3 });

        Assert.Equal(new[] { SettingsFile }, Directory.GetFileSystemEntries(StateFolder));
        Assert.Equal(Tool.A1111, Read().Tool);
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_SettingsNotWritten_and_leaves_no_temporary_file()
    {
        Directory.CreateDirectory(SettingsFile);

        var error = Assert.Throws<ModelHubException>(() => PersistedSettings.Store(StateFolder, new PersistedSettings { MaxRetries = 3 }));

        Assert.Equal(ErrorIds.SettingsNotWritten, error.ErrorId);
        Assert.Equal(HubErrorCategory.ResourceUnavailable, error.Category);
        Assert.Equal(SettingsFile, error.Target);
        Assert.Equal(new[] { SettingsFile }, Directory.GetFileSystemEntries(StateFolder));
    }

    [Fact]
    public void Explains_which_delays_a_setting_may_hold()
    {
        Assert.Null(RetrySettings.DelayProblem(TimeSpan.FromSeconds(30)));
        Assert.Null(RetrySettings.DelayProblem(TimeSpan.FromDays(1)));
        Assert.NotNull(RetrySettings.DelayProblem(TimeSpan.Zero));
        Assert.NotNull(RetrySettings.DelayProblem(TimeSpan.FromSeconds(-1)));
        Assert.NotNull(RetrySettings.DelayProblem(TimeSpan.FromDays(1) + TimeSpan.FromTicks(1)));
    }
}
