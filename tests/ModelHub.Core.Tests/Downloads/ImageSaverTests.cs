using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Downloads;

public sealed class ImageSaverTests : IDisposable
{
    private readonly HttpHarness _harness = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }

    private static ModelImage Image(string url) => new() { Hub = Hub.Civitai, ModelId = "4201", ImageId = "77", Url = new Uri(url) };

    [Fact]
    public async Task Saves_an_image_under_a_safe_name_with_its_real_extension_and_no_token()
    {
        _harness.Environment[ModelHub.Settings.EnvironmentVariables.CivitaiToken] = HttpHarness.Token;
        _harness.Hub.Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[] { 0x89, 0x50, 0x4E, 0x47 }) { Headers = { ContentType = new("image/png") } } });

        var path = await _harness.RunAsync(ct => _harness.Runtime.Images.SaveAsync(Image("https://image.cdn.example/x/original=true/77.jpeg"), _folder.Path, HubCallOptions.Default, ct));

        Assert.Equal(Path.Combine(_folder.Path, "4201_77.png"), path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(path));
        Assert.Null(Assert.Single(_harness.Hub.Requests).Authorization);
    }

    [Fact]
    public async Task Refuses_what_is_not_an_image_and_leaves_nothing_behind()
    {
        _harness.Hub.Then(() => FakeHub.Html(HttpStatusCode.OK));

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() =>
            _harness.RunAsync(ct => _harness.Runtime.Images.SaveAsync(Image("https://image.cdn.example/77.jpeg"), _folder.Path, HubCallOptions.Default, ct)));

        Assert.Contains("not an image", error.Message);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2 }, ".png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, ".jpeg")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', 1 }, ".webp")]
    public async Task Names_a_generically_typed_image_by_its_bytes(byte[] bytes, string extension)
    {
        _harness.Hub.Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/octet-stream") } } });

        var path = await _harness.RunAsync(ct => _harness.Runtime.Images.SaveAsync(Image("https://image.cdn.example/77"), _folder.Path, HubCallOptions.Default, ct));

        Assert.Equal(Path.Combine(_folder.Path, "4201_77" + extension), path);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Refuses_generically_typed_bytes_that_are_no_image()
    {
        _harness.Hub.Then(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[] { (byte)'{', (byte)'}' }) { Headers = { ContentType = new("application/octet-stream") } } });

        await Assert.ThrowsAsync<InvalidHubResponseException>(() =>
            _harness.RunAsync(ct => _harness.Runtime.Images.SaveAsync(Image("https://image.cdn.example/77.png"), _folder.Path, HubCallOptions.Default, ct)));

        Assert.Empty(Directory.GetFiles(_folder.Path));
    }
}
