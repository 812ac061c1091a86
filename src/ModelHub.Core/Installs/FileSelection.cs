using System;
using System.Collections.Generic;

namespace ModelHub.Installs;

/// <summary>A file chosen for install and the name it is installed under.</summary>
/// <param name="File">The hub's file.</param>
/// <param name="InstallName">
/// The relative path it is written as inside the placement folder: a sanitised file name
/// (a generic Hugging Face name becomes "&lt;repo-name&gt;.safetensors"), or, for a diffusers folder,
/// "&lt;repo-name&gt;/&lt;path in repo&gt;" with every segment sanitised.
/// </param>
public sealed record SelectedFile(ModelFile File, string InstallName);

/// <summary>The files chosen from a version, and whether they form a diffusers pipeline folder.</summary>
public sealed class SelectionResult
{
    public IReadOnlyList<SelectedFile> Files { get; init; } = Array.Empty<SelectedFile>();

    /// <summary>True for a diffusers pipeline installed as a folder keeping the repository's relative paths.</summary>
    public bool IsDiffusersFolder { get; init; }
}

/// <summary>Chooses the files of a version to install.</summary>
public static class FileSelection
{
    /// <summary>
    /// The primary file by default (Civitai: the primary file; Hugging Face: the single weights file at the root,
    /// or the whole pipeline for a diffusers repo); <paramref name="criteria"/> narrows or widens that. Throws
    /// <see cref="Errors.ModelHubException"/>: NoMatchingFile (naming what there is), PickleFormatRefused (with
    /// Civitai's scan results) unless AllowPickle.
    /// </summary>
    public static SelectionResult Select(Model model, ModelVersion version, IReadOnlyList<ModelFile> files, FileCriteria criteria) =>
        throw new NotImplementedException();
}
