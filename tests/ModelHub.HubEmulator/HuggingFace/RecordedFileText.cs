using System.IO;
using System.Text.Json.Nodes;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// The text files of recorded repositories, whose real content was not recorded: rebuilt from the recorded
/// model info where it tells (card data, config), otherwise a short placeholder of the right kind.
/// </summary>
internal static class RecordedFileText
{
    public static string For(string path, string repoId, JsonObject cardData, JsonObject? config) => path switch
    {
        "README.md" => ModelCard.Readme(cardData, $"# {repoId[(repoId.IndexOf('/') + 1)..]}\n\nThe model card of {repoId}, rebuilt by the hub emulator from the recorded card data.\n"),
        ".gitattributes" => RepoFileKinds.GitAttributes,
        "model_index.json" when config?["diffusers"]?["_class_name"] is { } pipeline => HubJson.File(new JsonObject { ["_class_name"] = pipeline.DeepClone(), ["_diffusers_version"] = "0.31.0" }),
        "config.json" when config is not null && config.ContainsKey("architectures") => HubJson.File(WithoutTokenizer(config)),
        "tokenizer_config.json" when config?["tokenizer_config"] is JsonObject tokenizer => HubJson.File(tokenizer.DeepClone().AsObject()),
        _ when Path.GetExtension(path) == ".json" => HubJson.File(new JsonObject { ["_name_or_path"] = repoId }),
        _ => $"{path} of {repoId}, served by the hub emulator (its content was not recorded).\n",
    };

    private static JsonObject WithoutTokenizer(JsonObject config)
    {
        var copy = config.DeepClone().AsObject();
        copy.Remove("tokenizer_config");
        return copy;
    }
}
