using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelHub.HubEmulator;

/// <summary>How both hubs' servers (Node) write JSON: JSON.stringify's minimal escaping and Date.toISOString().</summary>
internal static class WireJson
{
    /// <summary>JSON.stringify(value): "openrail++", not "openrail\u002B\u002B"; UTF-8 text as is.</summary>
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON.stringify(value, null, 2), also how tools write JSON files.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JavaScript's Date.toISOString(): UTC, milliseconds, Z.</summary>
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
