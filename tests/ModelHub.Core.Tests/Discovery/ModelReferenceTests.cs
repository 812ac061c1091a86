using System;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Discovery;

public sealed class ModelReferenceTests : IDisposable
{
    private readonly TempFolder _home = new();
    private readonly ModelHubSettings _settings;

    public ModelReferenceTests()
    {
        var environment = new FakeEnvironment(_home.Path) { [EnvironmentVariables.CivitaiEndpoint] = "http://127.0.0.1:41234" };
        _settings = new SettingsReader(environment).Read();
    }

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("civitai:4201", Hub.Civitai, "4201", null)]
    [InlineData("Civitai:4201@130072", Hub.Civitai, "4201", "130072")]
    [InlineData("4201", Hub.Civitai, "4201", null)]
    [InlineData("hf:org/name", Hub.HuggingFace, "org/name", null)]
    [InlineData("huggingface:stabilityai/stable-diffusion-xl-base-1.0", Hub.HuggingFace, "stabilityai/stable-diffusion-xl-base-1.0", null)]
    [InlineData("org/name", Hub.HuggingFace, "org/name", null)]
    [InlineData("urn:air:sdxl:lora:civitai:4201@130072", Hub.Civitai, "4201", "130072")]
    [InlineData("urn:air:flux1:checkpoint:huggingface:black-forest-labs/FLUX.1-dev@0ef5fff", Hub.HuggingFace, "black-forest-labs/FLUX.1-dev", "0ef5fff")]
    [InlineData("https://civitai.com/models/4201/dark-sushi-mix?modelVersionId=130072", Hub.Civitai, "4201", "130072")]
    [InlineData("https://civitai.com/models/4201", Hub.Civitai, "4201", null)]
    [InlineData("http://127.0.0.1:41234/models/77", Hub.Civitai, "77", null)]
    [InlineData("https://huggingface.co/org/name", Hub.HuggingFace, "org/name", null)]
    [InlineData("https://huggingface.co/org/name/tree/v1.0", Hub.HuggingFace, "org/name", "v1.0")]
    [InlineData("https://huggingface.co/org/name/blob/main/unet/model.safetensors", Hub.HuggingFace, "org/name", "main")]
    [InlineData("  hf:org/name  ", Hub.HuggingFace, "org/name", null)]
    public void Reads_every_way_users_name_models(string text, Hub hub, string id, string? version)
    {
        var reference = ModelReference.Parse(text, null, _settings);

        Assert.Equal(new ModelReference(hub, id, version), reference);
    }

    [Fact]
    public void A_known_hub_reads_a_bare_id_as_that_hubs()
    {
        Assert.Equal(new ModelReference(Hub.Civitai, "4201"), ModelReference.Parse("4201", Hub.Civitai, _settings));
        Assert.Equal(new ModelReference(Hub.HuggingFace, "org/name"), ModelReference.Parse("org/name", Hub.HuggingFace, _settings));
    }

    [Theory]
    [InlineData("not a model")]
    [InlineData("civitai:abc")]
    [InlineData("https://example.com/models/4201")]
    [InlineData("urn:air:sdxl:lora:civitai:abc")]
    public void Refuses_what_names_no_model(string text)
    {
        var error = Assert.Throws<ModelHubException>(() => ModelReference.Parse(text, null, _settings));

        Assert.Equal(ErrorIds.InvalidModelReference, error.ErrorId);
        Assert.Equal(text, error.Target);
    }

    [Fact]
    public void Refuses_a_reference_to_the_other_hub_than_the_one_named()
    {
        var error = Assert.Throws<ModelHubException>(() => ModelReference.Parse("hf:org/name", Hub.Civitai, _settings));

        Assert.Equal(ErrorIds.InvalidModelReference, error.ErrorId);
    }

    [Fact]
    public void Writes_itself_back_with_a_hub_prefix()
    {
        Assert.Equal("civitai:4201@130072", new ModelReference(Hub.Civitai, "4201", "130072").ToString());
        Assert.Equal("hf:org/name", new ModelReference(Hub.HuggingFace, "org/name").ToString());
    }
}
