using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Threading;

namespace ModelHub.HubEmulator.Control;

/// <summary>
/// A fault to inject on one origin (POST /_emulator/faults). Every field is optional. The rule applies to
/// requests whose path matches <see cref="Path"/> (a glob: * matches anything) and method, until it has
/// acted <see cref="Times"/> times.
/// </summary>
public sealed class FaultRule
{
    [JsonPropertyName("id")] public string? Id { get; set; }

    [JsonPropertyName("path")] public string? Path { get; init; }

    [JsonPropertyName("method")] public string? Method { get; init; }

    /// <summary>How many requests the rule acts on; unset: unlimited, except a status list, which is answered once through.</summary>
    [JsonPropertyName("times")] public int? Times { get; init; }

    /// <summary>Statuses answered in turn, before the real response.</summary>
    [JsonPropertyName("status")] public int[]? Status { get; init; }

    /// <summary>Retry-After (seconds) on the statuses answered.</summary>
    [JsonPropertyName("retryAfter")] public int? RetryAfter { get; init; }

    /// <summary>A delay before the response starts.</summary>
    [JsonPropertyName("latencyMs")] public int? LatencyMs { get; init; }

    /// <summary>After the headers, the body sends nothing for this long.</summary>
    [JsonPropertyName("stallMs")] public int? StallMs { get; init; }

    /// <summary>The connection is dropped once this many body bytes were sent (acts only on responses that reach it).</summary>
    [JsonPropertyName("dropAfterBytes")] public long? DropAfterBytes { get; init; }

    /// <summary>The body is sent no faster than this, per connection.</summary>
    [JsonPropertyName("throttleBytesPerSecond")] public long? ThrottleBytesPerSecond { get; init; }

    /// <summary>The Range header is ignored: the full body comes with 200.</summary>
    [JsonPropertyName("ignoreRange")] public bool IgnoreRange { get; init; }

    /// <summary>The byte at this offset of the file (of the body, when it is not a range) is flipped.</summary>
    [JsonPropertyName("corruptAtOffset")] public long? CorruptAtOffset { get; init; }

    /// <summary>Content-Length announces 1,024 bytes more than the body has, so the body ends early.</summary>
    [JsonPropertyName("wrongContentLength")] public bool WrongContentLength { get; init; }

    /// <summary>A Cloudflare-style HTML page instead of the answer (with the listed statuses, else 200).</summary>
    [JsonPropertyName("html")] public bool Html { get; init; }

    /// <summary>The JSON body is cut off half way.</summary>
    [JsonPropertyName("truncateJson")] public bool TruncateJson { get; init; }

    private int _acted;
    private Regex? _pathPattern;

    /// <summary>Acts so far.</summary>
    [JsonPropertyName("acted")] public int Acted => Volatile.Read(ref _acted);

    private int Limit => Times ?? (Status is { Length: > 0 } ? Status.Length : int.MaxValue);

    public bool IsExhausted => Acted >= Limit;

    public bool Matches(string method, string path)
    {
        if (Method is not null && !string.Equals(Method, method, System.StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        _pathPattern ??= new Regex("^" + Regex.Escape(Path ?? "*").Replace("\\*", ".*") + "$", RegexOptions.CultureInvariant);
        return _pathPattern.IsMatch(path);
    }

    /// <summary>Claims one act; false when the rule is used up (another request got there first).</summary>
    public bool TryAct()
    {
        while (true)
        {
            var acted = Volatile.Read(ref _acted);
            if (acted >= Limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _acted, acted + 1, acted) == acted)
            {
                return true;
            }
        }
    }

    /// <summary>The status to answer for act number <paramref name="act"/> (0-based), cycling through the list.</summary>
    public int StatusFor(int act) => Status![act % Status.Length];
}
