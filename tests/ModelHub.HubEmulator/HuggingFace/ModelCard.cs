using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// README.md model cards: the YAML front matter is written from the very data the API returns as cardData,
/// so the two always agree.
/// </summary>
internal static class ModelCard
{
    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build();

    public static string Readme(JsonObject cardData, string body) => "---\n" + Yaml.Serialize(Plain(cardData)) + "---\n\n" + body;

    /// <summary>The JSON tree as plain dictionaries, lists and scalars, which YamlDotNet writes as YAML.</summary>
    private static object? Plain(JsonNode? node) => node switch
    {
        JsonObject map => map.ToDictionary(pair => pair.Key, pair => Plain(pair.Value)),
        JsonArray list => list.Select(Plain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(value.ToJsonString()),
            _ => null,
        },
        _ => null,
    };

    private static object Number(string json) =>
        long.TryParse(json, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole : double.Parse(json, CultureInfo.InvariantCulture);
}
