using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelHub.HubEmulator.Civitai.Wire;

/// <summary>How Civitai writes JSON: compact, as <see cref="WireJson"/>.</summary>
internal static class CivitaiJson
{
    public static byte[] Serialize(JsonNode? node) => JsonSerializer.SerializeToUtf8Bytes(node, WireJson.Compact);

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
}
