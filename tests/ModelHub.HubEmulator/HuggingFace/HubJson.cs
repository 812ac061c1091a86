using System;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>How the Hub reads dates and writes JSON files (its wire JSON is <see cref="WireJson"/>).</summary>
internal static class HubJson
{
    public static DateTimeOffset ParseDate(JsonNode node) =>
        DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>A JSON file's text (config.json, model_index.json…).</summary>
    public static string File(JsonObject value) => value.ToJsonString(WireJson.Indented) + "\n";
}
