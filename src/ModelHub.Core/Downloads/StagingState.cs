using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Serialization;

namespace ModelHub.Downloads;

/// <summary>
/// What a staging file holds, kept in a small JSON file beside it so that another process can resume: the
/// server's validator for the file, its size, and the bytes each part has. Never a URL (signed ones expire, and
/// they are secrets).
/// </summary>
internal sealed class StagingState
{
    /// <summary>Raised when the meaning of a field changes; a state of another version is not resumed.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>The strong ETag the server gave, quotes included.</summary>
    public string? ETag { get; set; }

    /// <summary>The Last-Modified the server gave, used when it gave no strong ETag.</summary>
    public DateTimeOffset? LastModified { get; set; }

    public long? TotalSize { get; set; }

    public List<DownloadPart> Parts { get; set; } = new();

    /// <summary>Whether the server gave something to send in If-Range.</summary>
    [JsonIgnore]
    public bool HasValidator => ETag is not null || LastModified is not null;

    /// <summary>If-Range for a resumed range: the ETag, else Last-Modified; null when the server gave neither.</summary>
    public RangeConditionHeaderValue? IfRange() =>
        ETag is not null ? new RangeConditionHeaderValue(new EntityTagHeaderValue(ETag))
        : LastModified is { } date ? new RangeConditionHeaderValue(date)
        : null;

    /// <summary>Takes the validator of a response: its strong ETag (a weak one cannot be used in If-Range), else Last-Modified.</summary>
    public void TakeValidator(HttpResponseMessage response)
    {
        var etag = response.Headers.ETag;
        ETag = etag is { IsWeak: false } ? etag.Tag : null;
        LastModified = ETag is null ? response.Content?.Headers.LastModified : null;
    }

    /// <summary>Whether a response describes another version of the file than the one staged (a validator both sides have that differs).</summary>
    public bool DiffersFrom(HttpResponseMessage response)
    {
        if (ETag is not null)
        {
            return response.Headers.ETag is { IsWeak: false } etag && !string.Equals(etag.Tag, ETag, StringComparison.Ordinal);
        }

        return LastModified is { } staged && response.Content?.Headers.LastModified is { } current && current != staged;
    }
}
