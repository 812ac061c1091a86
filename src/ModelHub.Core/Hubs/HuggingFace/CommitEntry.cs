using System;
using System.Text.Json;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>One commit of a branch's history: {"id","title","message","date","authors"}.</summary>
internal sealed record CommitEntry(string Id, string Title, DateTimeOffset? Date)
{
    /// <summary>Reads a commit; throws <see cref="JsonException"/> when it has no id.</summary>
    public static CommitEntry Read(JsonElement commit) =>
        JsonValues.Text(commit, "id") is { Length: > 0 } id
            ? new CommitEntry(id, JsonValues.Text(commit, "title") ?? string.Empty, JsonValues.Date(commit, "date"))
            : throw new JsonException("A commit has no id.");
}
