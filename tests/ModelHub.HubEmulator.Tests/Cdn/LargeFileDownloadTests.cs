using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using ModelHub.HubEmulator.Content;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Cdn;

[Collection(EmulatorCollection.Name)]
public sealed class LargeFileDownloadTests
{
    private readonly EmulatorFixture _fixture;

    public LargeFileDownloadTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    [Trait("Category", "Large")]
    public async Task AMultiGibibyteDownloadHashesToTheReportedSha256()
    {
        var spec = _fixture.Host.Services.Files.Add(new FileSpec
        {
            Key = "tests/cdn/large",
            Size = (1L << 30) + 7,
            Layout = FileLayout.SafeTensors,
            Metadata = new Dictionary<string, string> { ["modelspec.architecture"] = "stable-diffusion-xl-v1-base" },
        });
        var reported = Task.Run(() => _fixture.Host.Services.Hashes.Get(spec));

        using var response = await _fixture.Http.GetAsync(_fixture.Host.Services.Cdn.Signed(spec, "large.safetensors"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var received = 0L;
        await using (var body = await response.Content.ReadAsStreamAsync())
        {
            for (int read; (read = await body.ReadAsync(buffer)) > 0; received += read)
            {
                sha256.AppendData(buffer, 0, read);
            }
        }

        ArrayPool<byte>.Shared.Return(buffer);
        Assert.Equal(spec.Size, received);
        Assert.Equal((await reported).Sha256, Convert.ToHexStringLower(sha256.GetHashAndReset()));
    }
}
