using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Installs;

/// <summary>The preview: the version's first real image within the content policy, never over an image already beside the model.</summary>
public sealed class SidecarPreviewTests : IDisposable
{
    private readonly SidecarHarness _sidecars = new();

    public void Dispose() => _sidecars.Dispose();

    [Theory]
    [InlineData(".png")]
    [InlineData(".jpg")]
    [InlineData(".preview.jpeg")]
    [InlineData(".preview.webp")]
    public async Task An_image_already_beside_the_model_is_kept_and_no_preview_is_fetched(string userImage)
    {
        _sidecars.CivitaiAnswers();
        var item = _sidecars.CivitaiItem();
        var nameBase = item.Path.Substring(0, item.Path.Length - ".safetensors".Length);
        File.WriteAllText(nameBase + userImage, "the user's image");

        var warnings = await _sidecars.WriteAsync(item);

        Assert.Empty(warnings);
        Assert.Equal("the user's image", File.ReadAllText(nameBase + userImage));
        Assert.DoesNotContain(_sidecars.FilesWritten(), file => file.Contains(".preview.", StringComparison.Ordinal) && !file.EndsWith(userImage, StringComparison.Ordinal));
        Assert.DoesNotContain(_sidecars.Requested, address => address.Contains("/api/v1/images", StringComparison.Ordinal) || address.StartsWith("https://image.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_video_is_skipped_for_the_next_sample_that_is_an_image_with_its_own_extension()
    {
        _sidecars
            .OnJson($"{HttpHarness.CivitaiOrigin}/api/v1/images", SidecarHarness.ImagesPage(("https://image.cdn.example/clip.mp4", false), ("https://image.cdn.example/still.webp", false)))
            .On("https://image.cdn.example/clip.mp4", () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[] { 0, 0, 0, 24 }) { Headers = { ContentType = new("video/mp4") } } })
            .OnImage("https://image.cdn.example/still.webp", "image/webp")
            .CivitaiAnswers();
        var item = _sidecars.CivitaiItem();

        var warnings = await _sidecars.WriteAsync(item);

        Assert.Empty(warnings);
        Assert.Equal(SidecarHarness.PngBytes, File.ReadAllBytes(Path.ChangeExtension(item.Path, ".preview.webp")));
        Assert.DoesNotContain(_sidecars.FilesWritten(), file => file.Contains(".partial", StringComparison.Ordinal) || file.EndsWith(".mp4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_no_sample_is_an_image_there_is_no_preview_and_a_warning()
    {
        _sidecars
            .OnJson($"{HttpHarness.CivitaiOrigin}/api/v1/images", SidecarHarness.ImagesPage(("https://image.cdn.example/a.html", false)))
            .On("https://image.", () => FakeHub.Html(HttpStatusCode.OK))
            .CivitaiAnswers();
        var item = _sidecars.CivitaiItem();

        var warnings = await _sidecars.WriteAsync(item);

        Assert.Contains("No preview was saved", Assert.Single(warnings));
        Assert.DoesNotContain(_sidecars.FilesWritten(), file => file.Contains(".preview", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_safe_model_gets_a_safe_preview_even_when_its_samples_include_NSFW()
    {
        _sidecars
            .OnJson($"{HttpHarness.CivitaiOrigin}/api/v1/images", SidecarHarness.ImagesPage(("https://image.cdn.example/nsfw.png", true), ("https://image.cdn.example/safe.png", false)))
            .CivitaiAnswers();
        var item = _sidecars.CivitaiItem();

        await _sidecars.WriteAsync(item);

        Assert.Contains(_sidecars.Requested, address => address.Contains("/api/v1/images?", StringComparison.Ordinal) && address.Contains("nsfw=Soft", StringComparison.Ordinal));
        Assert.Contains("https://image.cdn.example/safe.png", _sidecars.Requested);
        Assert.DoesNotContain("https://image.cdn.example/nsfw.png", _sidecars.Requested);
    }

    [Theory]
    [InlineData(null, "nsfw=X")]
    [InlineData(ContentPolicy.Strict, "nsfw=Soft")]
    public async Task An_NSFW_models_preview_follows_the_content_policy(ContentPolicy? policy, string asked)
    {
        if (policy is { } strict)
        {
            var stateFolder = Directory.CreateDirectory(_sidecars.Http.Runtime.Settings.Read().StateFolder).FullName;
            File.WriteAllText(PersistedSettings.PathIn(stateFolder), $"{{\"ContentPolicy\":\"{strict}\"}}");
        }

        _sidecars
            .OnJson($"{HttpHarness.CivitaiOrigin}/api/v1/images", SidecarHarness.ImagesPage(("https://image.cdn.example/nsfw.png", true)))
            .CivitaiAnswers();
        var item = _sidecars.CivitaiItem(nsfw: true);

        await _sidecars.WriteAsync(item);

        var listing = Assert.Single(_sidecars.Requested, address => address.Contains("/api/v1/images?", StringComparison.Ordinal));
        Assert.Contains(asked, listing);
        Assert.Equal(policy is null, _sidecars.Requested.Contains("https://image.cdn.example/nsfw.png"));
    }
}
