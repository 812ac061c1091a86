using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using ModelHub.HubEmulator.Content;
using ModelHub.HubEmulator.Tests.Content;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Cdn;

[Collection(EmulatorCollection.Name)]
public sealed class SignedUrlTests
{
    private readonly EmulatorFixture _fixture;
    private readonly FileSpec _spec;

    public SignedUrlTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _spec = fixture.Host.Services.Files.Add(TestFiles.SafeTensors("tests/cdn/signed", 10_000));
    }

    [Fact]
    public void SignedUrlsHaveTheShapeOfAnS3PresignedUrl()
    {
        var url = _fixture.Host.Services.Cdn.Signed(_spec, "BodHor V1.safetensors");

        Assert.Equal(_fixture.Origins.Cdn.Authority, url.Authority);
        Assert.Equal("/files/tests/cdn/signed/BodHor%20V1.safetensors", url.AbsolutePath);
        Assert.Equal(
            ["X-Amz-Expires", "response-content-disposition", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature"],
            url.Query.TrimStart('?').Split('&').Select(pair => pair.Split('=')[0]));
        Assert.Contains("response-content-disposition=attachment%3B%20filename%3D%22BodHor%20V1.safetensors%22", url.Query, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Expires=3600&", url.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Amz-Signature=", "X-Amz-Signature=0")]
    [InlineData("X-Amz-Expires=3600", "X-Amz-Expires=7200")]
    [InlineData("filename%3D%22", "filename%3D%22other-")]
    [InlineData("/signed/", "/signed2/")]
    [InlineData(".safetensors?", ".ckpt?")]
    [InlineData("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=host&token=abc")]
    public async Task AnAlteredUrlIsRefused(string original, string altered)
    {
        var url = _fixture.Host.Services.Cdn.Signed(_spec, "model.safetensors").AbsoluteUri;
        Assert.Contains(original, url, StringComparison.Ordinal);

        using var response = await _fixture.Http.GetAsync(url.Replace(original, altered, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", await CdnDownloadTests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task AUrlWithoutItsSignatureIsRefused()
    {
        var url = _fixture.Host.Services.Cdn.Signed(_spec, "model.safetensors").AbsoluteUri;

        using var response = await _fixture.Http.GetAsync(url[..url.IndexOf("&X-Amz-Signature=", StringComparison.Ordinal)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("AuthorizationQueryParametersError", await CdnDownloadTests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task AnUnsignedUrlIsAccessDenied()
    {
        using var response = await _fixture.Http.GetAsync(_fixture.Url(OriginName.Cdn, "/files/tests/cdn/signed/model.safetensors"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("AccessDenied", await CdnDownloadTests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task ASignedUrlForAnUnknownFileIsNoSuchKey()
    {
        var unregistered = TestFiles.SafeTensors("tests/cdn/never-registered", 10_000);

        using var response = await _fixture.Http.GetAsync(_fixture.Host.Services.Cdn.Signed(unregistered, "x.safetensors"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NoSuchKey", await CdnDownloadTests.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task AnAuthorizationHeaderOnASignedUrlIsRefusedAndLogged()
    {
        await _fixture.ResetAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, _fixture.Host.Services.Cdn.Signed(_spec, "model.safetensors"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorTokens.HuggingFaceValid);

        using var response = await _fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("InvalidArgument", error.Element("Code")?.Value);
        Assert.StartsWith("Only one auth mechanism allowed", error.Element("Message")?.Value, StringComparison.Ordinal);
        var logged = Assert.Single(await _fixture.RequestsAsync(OriginName.Cdn));
        Assert.True(logged.GetProperty("authorization").GetBoolean());
        Assert.Equal(400, logged.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ASignedUrlExpiresAfterTheTtl()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Quiet = true, SignedUrlTtl = TimeSpan.FromSeconds(60) }, clock);
        var spec = host.Services.Files.Add(TestFiles.SafeTensors("tests/cdn/expiring", 10_000));
        var url = host.Services.Cdn.Signed(spec, "model.safetensors");

        clock.Advance(TimeSpan.FromSeconds(60));
        using var stillValid = await _fixture.Http.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await _fixture.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        var error = XDocument.Parse(await expired.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("AccessDenied", error.Element("Code")?.Value);
        Assert.Equal("Request has expired", error.Element("Message")?.Value);
        Assert.Equal("60", error.Element("X-Amz-Expires")?.Value);
        Assert.Equal("2026-03-01T12:01:00Z", error.Element("Expires")?.Value);
    }
}
