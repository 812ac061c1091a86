using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Http;
using ModelHub.Installs;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Installs;

/// <summary>No sidecar or record ever holds a token, a signed CDN URL or a token= URL, whatever the hub sends.</summary>
public sealed class SidecarSecretsTests : IDisposable
{
    private const string CommandToken = "civitai-command-token-4f1d";
    private const string EchoedToken = "echoed-token-9b2c";

    private readonly SidecarHarness _sidecars = new();

    public void Dispose() => _sidecars.Dispose();

    [Fact]
    public async Task Tokens_and_signed_URLs_from_the_hub_never_reach_a_file()
    {
        // A hub answer carrying everything that must not be stored: a token= download link, a signed CDN link,
        // and the caller's own token in a text.
        var record = RecordedResponses.Read("civitai/model-version-1387174.json")
            .Replace("\"downloadUrl\": \"https://civitai.com/api/download/models/1387174\"", $"\"downloadUrl\": \"https://civitai.com/api/download/models/1387174?type=Model&token={EchoedToken}\"")
            .Replace("\"name\": \"v1.0\"", $"\"name\": \"v1.0 {CommandToken}\", \"signedUrl\": \"https://cdn.example/files/1/a.safetensors?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261127&X-Amz-Date=20261127T120000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=abc123\"");
        Assert.Contains(EchoedToken, record);
        _sidecars.CivitaiAnswers(record);
        var item = _sidecars.CivitaiItem(modelUrl: new Uri($"https://civitai.example/models/1231067?token={EchoedToken}"));

        var warnings = await _sidecars.WriteAsync(item, new HubCallOptions { Token = CommandToken });

        Assert.Empty(warnings);
        var written = _sidecars.FilesWritten().Where(file => !file.EndsWith(".safetensors", StringComparison.Ordinal) && !file.EndsWith(".png", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, written.Count);
        foreach (var file in written)
        {
            var text = File.ReadAllText(Path.Combine(_sidecars.Folder.Path, file));
            Assert.DoesNotContain(CommandToken, text);
            Assert.DoesNotContain(EchoedToken, text);
            Assert.DoesNotContain("token=", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("X-Amz-", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Signature", text, StringComparison.OrdinalIgnoreCase);
            using var valid = JsonDocument.Parse(text);
        }

        // Cleaned, not dropped: the links stay, without their secrets.
        var info = File.ReadAllText(Path.ChangeExtension(item.Path, ".civitai.info"));
        Assert.Contains("https://civitai.com/api/download/models/1387174?type=Model\"", info);
        Assert.Contains("https://cdn.example/files/1/a.safetensors\"", info);
        Assert.Equal(new Uri("https://civitai.example/models/1231067"), SidecarWriter.ReadRecord(SidecarWriter.RecordPath(item.Path))!.Url);
    }

    [Fact]
    public async Task The_command_token_goes_to_the_hub_and_never_to_the_image_host()
    {
        _sidecars.CivitaiAnswers();
        var item = _sidecars.CivitaiItem();

        await _sidecars.WriteAsync(item, new HubCallOptions { Token = CommandToken });

        Assert.All(_sidecars.Http.Hub.Requests, request =>
            Assert.Equal(request.Uri.Host == "civitai.example" ? "Bearer " + CommandToken : null, request.Authorization));
        Assert.Contains(_sidecars.Http.Hub.Requests, request => request.Uri.Host == "image.cdn.example");
    }

    [Theory]
    [InlineData("https://civitai.com/api/download/models/1?token=abc", "https://civitai.com/api/download/models/1")]
    [InlineData("https://civitai.com/api/download/models/1?type=Model&token=abc&format=SafeTensor", "https://civitai.com/api/download/models/1?type=Model&format=SafeTensor")]
    [InlineData("see https://x.example/a?api_key=k&b=1 and https://y.example/b?access_token=t.", "see https://x.example/a?b=1 and https://y.example/b")]
    [InlineData("https://cdn.example/f?X-Amz-Algorithm=AWS4&X-Amz-Credential=c&X-Amz-Signature=s&response-content-disposition=x", "https://cdn.example/f")]
    [InlineData("https://cdn.example/f?Expires=1&Signature=s&Key-Pair-Id=k#part", "https://cdn.example/f#part")]
    [InlineData("https://blob.example/f?sv=2024&sig=s", "https://blob.example/f")]
    [InlineData("[link](https://x.example/a?token=t) stays a link", "[link](https://x.example/a) stays a link")]
    [InlineData("https://image.civitai.com/x/width=832/a.jpeg", "https://image.civitai.com/x/width=832/a.jpeg")]
    [InlineData("no links, token=abc in prose", "no links, token=abc in prose")]
    public void URL_secrets_are_removed_from_stored_text(string text, string stored)
    {
        Assert.Equal(stored, Redaction.StripUrlSecrets(text));
    }
}
