using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>How the Hub writes values: ISO dates with milliseconds and Z; JSON files indented as tools write them.</summary>
internal static class HubJson
{
    /// <summary>Minimal escaping, as JSON.stringify writes: "openrail++", not "openrail\u002B\u002B".</summary>
    public static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseDate(JsonNode node) =>
        DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>A JSON file's text (config.json, model_index.json…).</summary>
    public static string File(JsonObject value) => value.ToJsonString(Indented) + "\n";
}
