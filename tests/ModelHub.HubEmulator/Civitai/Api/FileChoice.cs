using System;
using System.Linq;
using ModelHub.HubEmulator.Civitai.Catalog;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// Which file a download gets (file.service getFileForModelVersion): <c>fileId</c> names one; without type, format,
/// size, fp or quantType the primary file; else among the files matching every one given, the primary file or the one
/// the default preference ranks first. Null when none matches (404 "File not found").
/// </summary>
internal sealed record FileChoice(long? FileId, string? Type, string? Format, string? Size, string? Precision, string? QuantType)
{
    public CatalogFile? From(CatalogVersion version)
    {
        if (FileId is { } id)
        {
            return version.Files.FirstOrDefault(file => file.Id == id);
        }

        if (Type is null && Format is null && Size is null && Precision is null && QuantType is null)
        {
            return version.PrimaryFile;
        }

        // No catalogue file is a GGUF quantisation, so asking for a quantType matches none.
        return QuantType is not null
            ? null
            : version.Files
                .Where(file => Matches(Type, file.Type) && Matches(Format, file.Format) && Matches(Size, file.SizeKind) && Matches(Precision, file.Precision))
                .OrderByDescending(file => file.Primary)
                .ThenByDescending(FilePreference.Score)
                .FirstOrDefault();
    }

    private static bool Matches(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, StringComparison.Ordinal);
}
