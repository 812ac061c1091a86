using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelHub.HubEmulator.Civitai.Wire;

/// <summary>How Civitai writes JSON: compact, UTF-8 text unescaped (as Node's JSON.stringify), dates as toISOString().</summary>
internal static class CivitaiJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(JsonNode? node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);

    /// <summary>JavaScript's Date.toISOString(): UTC, milliseconds, Z.</summary>
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
}
