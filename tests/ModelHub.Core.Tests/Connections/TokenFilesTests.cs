using System;
using System.IO;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Connections;

public sealed class TokenFilesTests : IDisposable
{
    private readonly TempFolder _home = new();
    private readonly TokenFiles _files;
    private readonly TokenResolver _resolver;
    private readonly string _state;

    public TokenFilesTests()
    {
        _state = Path.Combine(_home.Path, "state");
        var environment = new FakeEnvironment(_home.Path) { [EnvironmentVariables.Home] = _state, [EnvironmentVariables.HfHome] = Path.Combine(_home.Path, "hf") };
        var settings = new SettingsReader(environment);
        _resolver = new TokenResolver(settings, environment, new SessionTokens());
        _files = new TokenFiles(settings, _resolver);
    }

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData(Hub.Civitai, "civitai-key")]
    [InlineData(Hub.HuggingFace, "hf_token")]
    public void Saves_a_token_where_the_resolver_finds_it_and_deletes_it(Hub hub, string token)
    {
        var path = _files.Save(hub, token);

        Assert.Equal(token, File.ReadAllText(path));
        Assert.Equal((token, path), (_resolver.Resolve(hub, _state).Value, _resolver.Resolve(hub, _state).Source));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.True(_files.Delete(hub));
        Assert.False(_files.Delete(hub));
        Assert.False(_resolver.Resolve(hub, _state).IsSet);
    }

    [Fact]
    public void Replaces_an_older_token()
    {
        _files.Save(Hub.HuggingFace, "hf_old");
        var path = _files.Save(Hub.HuggingFace, "hf_new");

        Assert.Equal("hf_new", File.ReadAllText(path));
    }
}
