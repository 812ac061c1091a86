using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ModelHub.HubEmulator.HuggingFace;
using Xunit;
using Xunit.Abstractions;

namespace ModelHub.HubEmulator.Tests.HuggingFace;

/// <summary>
/// Conformance with a real client: @huggingface/hub 2.17.5 (HuggingFace/hfjs) lists models across pages, reads
/// model info and a tree, gets download info whose etag is the LFS sha256, downloads bytes that hash to it, and
/// is refused on a gated repo. It downloads with xet: false, since the emulator does not speak the Xet CAS protocol.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class HfJsClientConformanceTests
{
    private readonly EmulatorFixture _fixture;
    private readonly ITestOutputHelper _output;

    public HfJsClientConformanceTests(EmulatorFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task Huggingface_hub_js_works_against_the_emulator()
    {
        var (project, installOutput) = await NodeProject.PrepareAsync(TimeSpan.FromMinutes(5));
        Assert.True(project is not null, "npm install failed:\n" + installOutput);
        await _fixture.ResetAsync();

        var (exitCode, output) = await project!.RunScriptAsync("conformance.mjs", new Dictionary<string, string>
        {
            ["HUB_URL"] = _fixture.Origins.HuggingFace.GetLeftPart(UriPartial.Authority),
            ["HUB_TOKEN"] = EmulatorTokens.HuggingFaceValid,
            ["HUB_NO_ACCESS_TOKEN"] = EmulatorTokens.HuggingFaceNoAccess,
            ["PUBLIC_REPO"] = HfRepoIds.ExampleLora,
            ["LFS_FILE"] = "pytorch_lora_weights.safetensors",
            ["GIT_FILE"] = "README.md",
            ["GATED_REPO"] = HfRepoIds.GatedManual,
            ["GATED_FILE"] = "unet/diffusion_pytorch_model.safetensors",
        }, TimeSpan.FromMinutes(2));
        _output.WriteLine(output);

        Assert.True(exitCode == 0, $"node conformance.mjs exited with {exitCode}:\n{output}");
        var cdn = await _fixture.RequestsAsync(OriginName.Cdn);
        Assert.NotEmpty(cdn);
        Assert.All(cdn, request => Assert.False(request.GetProperty("authorization").GetBoolean(), "The CDN received the Hugging Face token."));
        Assert.True((await _fixture.RequestsAsync(OriginName.HuggingFace)).Count(request => request.GetProperty("path").GetString() == "/api/models") >= 3);
    }
}
