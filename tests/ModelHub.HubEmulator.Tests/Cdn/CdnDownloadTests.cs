using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Threading.Tasks;
using System.Xml.Linq;
using ModelHub.HubEmulator.Content;
using ModelHub.HubEmulator.Tests.Content;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Cdn;

[Collection(EmulatorCollection.Name)]
public sealed class CdnDownloadTests
{
    private const int Size = (3 * 1024 * 1024) + 17;

    private readonly EmulatorFixture _fixture;
    private readonly FileSpec _spec;
    private readonly byte[] _bytes;

    public CdnDownloadTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _spec = fixture.Host.Services.Files.Add(TestFiles.SafeTensors("tests/cdn/download", Size));
        _bytes = TestFiles.Read(fixture.Host.Services.Content, _spec);
    }

    [Fact]
    public async Task AFullDownloadHasTheFileAndStorageHeaders()
    {
        using var response = await _fixture.Http.GetAsync(Signed("Model V1.safetensors"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(_fixture.Host.Services.Hashes.Get(_spec).Sha256, Convert.ToHexStringLower(SHA256.HashData(body)));
        Assert.Equal(Size, response.Content.Headers.ContentLength);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["bytes"], response.Headers.AcceptRanges);
        Assert.Equal("attachment; filename=\"Model V1.safetensors\"", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
        Assert.NotNull(response.Content.Headers.LastModified);
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.DoesNotContain(_fixture.Host.Services.Hashes.Get(_spec).Sha256, etag.Tag, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnInlineUrlCarriesAnInlineDisposition()
    {
        using var response = await _fixture.Http.GetAsync(_fixture.Host.Services.Cdn.Signed(_spec, "model.safetensors", inline: true));

        Assert.Equal("inline; filename*=UTF-8''model.safetensors; filename=\"model.safetensors\";", string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
    }

    [Fact]
    public async Task ANonAsciiNameTravelsInFilenameStar()
    {
        using var response = await _fixture.Http.GetAsync(Signed("模型 \"v1\".safetensors"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("模型 \"v1\".safetensors", Uri.UnescapeDataString(disposition.FileNameStar!));
    }

    [Fact]
    public async Task HeadAnswersTheHeadersWithoutABody()
    {
        using var response = await _fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Signed("m.safetensors")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Size, response.Content.Headers.ContentLength);
        Assert.NotNull(response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=0-0", 0, 1)]
    [InlineData("bytes=100-199", 100, 100)]
    [InlineData("bytes=1048570-1048585", 1048570, 16)]
    [InlineData("bytes=3000000-", 3000000, Size - 3000000)]
    [InlineData("bytes=-100", Size - 100, 100)]
    [InlineData("bytes=-99999999", 0, Size)]
    [InlineData("bytes=3145000-999999999", 3145000, Size - 3145000)]
    public async Task ASingleRangeGivesPartialContent(string range, int from, int length)
    {
        using var response = await SendAsync(HttpMethod.Get, range);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(new ContentRangeHeaderValue(from, from + length - 1, Size), response.Content.Headers.ContentRange);
        Assert.Equal(length, response.Content.Headers.ContentLength);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(_bytes.AsSpan(from, length).SequenceEqual(body));
    }

    [Fact]
    public async Task HeadWithARangeAnswersTheRangeHeaders()
    {
        using var response = await SendAsync(HttpMethod.Head, "bytes=10-19");

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(10, response.Content.Headers.ContentLength);
        Assert.Equal(new ContentRangeHeaderValue(10, 19, Size), response.Content.Headers.ContentRange);
    }

    [Theory]
    [InlineData("bytes=3145745-")]
    [InlineData("bytes=9999999-10000000")]
    [InlineData("bytes=-0")]
    public async Task ARangePastTheEndIsNotSatisfiable(string range)
    {
        using var response = await SendAsync(HttpMethod.Get, range);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{Size}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal("InvalidRange", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("bytes=oops")]
    [InlineData("items=0-5")]
    public async Task SeveralOrMalformedRangesGiveTheWholeFile(string range)
    {
        using var response = await SendAsync(HttpMethod.Get, range);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Size, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task IfRangeWithTheCurrentValidatorsGivesTheRange()
    {
        using var head = await _fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Signed("m.safetensors")));

        using var byTag = await SendAsync(HttpMethod.Get, "bytes=5-9", request => request.Headers.IfRange = new RangeConditionHeaderValue(head.Headers.ETag!));
        using var byDate = await SendAsync(HttpMethod.Get, "bytes=5-9", request => request.Headers.IfRange = new RangeConditionHeaderValue(head.Content.Headers.LastModified!.Value));

        Assert.Equal(HttpStatusCode.PartialContent, byTag.StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, byDate.StatusCode);
    }

    [Fact]
    public async Task IfRangeWithStaleValidatorsGivesTheWholeFile()
    {
        using var byTag = await SendAsync(HttpMethod.Get, "bytes=5-9", request => request.Headers.IfRange = new RangeConditionHeaderValue("\"0123456789abcdef\""));
        using var byDate = await SendAsync(HttpMethod.Get, "bytes=5-9", request => request.Headers.IfRange = new RangeConditionHeaderValue(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(HttpStatusCode.OK, byTag.StatusCode);
        Assert.Equal(Size, byTag.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.OK, byDate.StatusCode);
    }

    [Fact]
    public async Task PublicImagesAreServedWithTheirType()
    {
        var png = _fixture.Host.Services.Files.Add(ImageFiles.Create("tests/cdn/image", 40, 30, 5, FileLayout.Png));

        using var response = await _fixture.Http.GetAsync(_fixture.Host.Services.Cdn.Public(png, "sample.png"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestFiles.Read(_fixture.Host.Services.Content, png), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnUnknownImageIsNoSuchKey()
    {
        using var response = await _fixture.Http.GetAsync(_fixture.Url(OriginName.Cdn, "/images/tests/cdn/none/x.png"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NoSuchKey", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task FaultsActOnTheFileBody()
    {
        await _fixture.ResetAsync();
        await _fixture.AddFaultAsync(OriginName.Cdn, new { path = "/files/tests/cdn/download/*", corruptAtOffset = 1048580 });

        using var response = await SendAsync(HttpMethod.Get, "bytes=1048576-1048583");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(_bytes[1048580] ^ 0xFF, body[4]);
        Assert.True(_bytes.AsSpan(1048576, 4).SequenceEqual(body.AsSpan(0, 4)));
        await _fixture.ResetAsync();
    }

    internal static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root?.Element("Code")?.Value;
    }

    private Uri Signed(string fileName) => _fixture.Host.Services.Cdn.Signed(_spec, fileName);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string range, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, Signed("m.safetensors"));
        request.Headers.TryAddWithoutValidation("Range", range);
        configure?.Invoke(request);
        return await _fixture.Http.SendAsync(request);
    }
}
