using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelHub.Library.Updates;

/// <summary>Finds, among a version's files, the one of the same kind as an installed file.</summary>
internal static class MatchingFile
{
    /// <summary>What a file is, most telling first: an update keeps as many of these as the new version allows.</summary>
    private static readonly Func<ModelFile, string?>[] Attributes =
    {
        file => file.Format,
        file => file.Precision,
        file => file.Variant,
        file => file.Kind,
    };

    /// <summary>
    /// The file at the installed file's path (Hugging Face), else, among the files of the same role (weights, VAE, ...),
    /// the one sharing the most of its format, precision, variant and kind (in that order; the primary first among
    /// equals), else the primary file. Null when the version has none of these.
    /// </summary>
    public static ModelFile? For(IReadOnlyList<ModelFile> files, ModelFile? installed, string? installedPath)
    {
        if (installedPath is not null && files.FirstOrDefault(file => file.Hub == Hub.HuggingFace && file.Path == installedPath) is { } samePath)
        {
            return samePath;
        }

        if (installed is not null)
        {
            // A model's weights are replaced by weights, never by its VAE or config, whatever their format.
            var sameRole = files.Where(file => Role(file) == Role(installed)).ToList();
            for (var kept = Attributes.Length; kept > 0; kept--)
            {
                var wanted = Attributes.Take(kept).ToList();
                var alike = sameRole.Where(file => wanted.All(attribute => Same(attribute(file), attribute(installed)))).ToList();
                if (alike.Count > 0)
                {
                    return alike.FirstOrDefault(file => file.Primary) ?? alike[0];
                }
            }
        }

        return files.FirstOrDefault(file => file.Primary);
    }

    /// <summary>The installed file as the hub lists it: by hash anywhere in the model, else by name in its version.</summary>
    public static ModelFile? Installed(Model model, InstalledModel copy)
    {
        var files = model.Versions.SelectMany(version => version.Files).ToList();
        return (copy.Sha256 is { } sha256 ? files.FirstOrDefault(file => SameHash(file.Sha256, sha256)) : null)
            ?? model.Versions.FirstOrDefault(version => version.VersionId == copy.VersionId)?.Files
                .FirstOrDefault(file => copy.HubFileName is not null && (file.Name == copy.HubFileName || file.Path == copy.HubFileName));
    }

    /// <summary>What a file is for: the model's weights (Civitai's Model and Pruned Model), else its own kind (VAE, Config, ...).</summary>
    private static string Role(ModelFile file) =>
        file.Kind is null || Same(file.Kind, "Model") || Same(file.Kind, "Pruned Model") ? "Model" : file.Kind.ToLowerInvariant();

    public static bool SameHash(string? left, string? right) =>
        left is not null && right is not null && string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private static bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
