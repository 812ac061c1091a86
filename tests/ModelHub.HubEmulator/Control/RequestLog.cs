using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ModelHub.HubEmulator.Control;

/// <summary>One request an origin received, as GET /_emulator/requests reports it. Never the token itself.</summary>
public sealed class RequestLogEntry
{
    [JsonPropertyName("origin")] public required string Origin { get; init; }

    [JsonPropertyName("method")] public required string Method { get; init; }

    [JsonPropertyName("path")] public required string Path { get; init; }

    [JsonPropertyName("query")] public required string Query { get; init; }

    [JsonPropertyName("status")] public int Status { get; set; }

    /// <summary>Whether an Authorization header was present.</summary>
    [JsonPropertyName("authorization")] public bool Authorization { get; init; }

    /// <summary>Whether a token= query parameter was present.</summary>
    [JsonPropertyName("tokenQuery")] public bool TokenQuery { get; init; }

    [JsonPropertyName("userAgent")] public string? UserAgent { get; init; }

    [JsonPropertyName("range")] public string? Range { get; init; }

    /// <summary>Body bytes actually sent.</summary>
    [JsonPropertyName("bytes")] public long Bytes { get; set; }
}

/// <summary>The requests one origin received, oldest first.</summary>
public sealed class RequestLog
{
    private readonly List<RequestLogEntry> _entries = new();

    public void Add(RequestLogEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_entries)
        {
            return _entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (_entries)
        {
            _entries.Clear();
        }
    }
}
