using System;
using System.Collections.Generic;
using System.Text;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>One file of a model version: its served bytes and what the API says about it.</summary>
internal sealed record CatalogFile
{
    public required int Id { get; init; }

    public required FileSpec Spec { get; init; }

    /// <summary>The download name (files[].name).</summary>
    public required string Name { get; init; }

    /// <summary>The ModelFileType: Model, Pruned Model, Training Data, Config, VAE, Negative, …</summary>
    public required string Type { get; init; }

    public string? Format { get; init; }

    /// <summary>metadata.size: full or pruned.</summary>
    public string? SizeKind { get; init; }

    /// <summary>metadata.fp: fp16, fp32, bf16, …</summary>
    public string? Precision { get; init; }

    public bool Primary { get; init; }

    /// <summary>The hashes the API reports for this file; empty for an unhashed file.</summary>
    public required IReadOnlyList<HashKind> HashKinds { get; init; }

    public DateTimeOffset ScannedAt { get; init; }

    public string PickleScanMessage { get; init; } = "No Pickle imports";

    public double SizeKb => Spec.Size / 1024.0;

    /// <summary>
    /// The query that picks this file on /api/download/models/{id}: none for the primary file, else its type and
    /// whichever of format, size and fp it has (as files[].downloadUrl shows it).
    /// </summary>
    public string DownloadQuery()
    {
        if (Primary)
        {
            return string.Empty;
        }

        var query = new StringBuilder("?type=").Append(Uri.EscapeDataString(Type));
        Append(query, "format", Format);
        Append(query, "size", SizeKind);
        Append(query, "fp", Precision);
        return query.ToString();
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
