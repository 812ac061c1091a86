using System.Linq;
using System.Text.Json.Nodes;

namespace ModelHub.Tests.Hubs.Civitai;

/// <summary>Small models in the modern /models shape, written by the tests, for searches and filters.</summary>
internal static class CivitaiSamples
{
    public static JsonObject Model(
        long id,
        string type = "LORA",
        string baseModel = "SDXL 1.0",
        string[]? tags = null,
        string username = "maker",
        bool nsfw = false,
        int nsfwLevel = 1,
        bool poi = false,
        string? olderBaseModel = null)
    {
        var versions = new JsonArray(Version(id * 10, baseModel));
        if (olderBaseModel is not null)
        {
            versions.Add(Version(id * 10 - 1, olderBaseModel));
        }

        return new JsonObject
        {
            ["id"] = id,
            ["name"] = "Model " + id,
            ["type"] = type,
            ["poi"] = poi,
            ["nsfw"] = nsfw,
            ["nsfwLevel"] = nsfwLevel,
            ["creator"] = new JsonObject { ["username"] = username },
            ["tags"] = new JsonArray((tags ?? new[] { "style" }).Select(tag => (JsonNode?)tag).ToArray()),
            ["modelVersions"] = versions,
        };
    }

    public static JsonNode[] Models(long firstId, int count) =>
        Enumerable.Range(0, count).Select(offset => (JsonNode)Model(firstId + offset)).ToArray();

    private static JsonObject Version(long id, string baseModel) => new()
    {
        ["id"] = id,
        ["name"] = "v" + id,
        ["baseModel"] = baseModel,
        ["files"] = new JsonArray(),
    };
}
