using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using ModelHub.Discovery;
using ModelHub.Downloads;
using ModelHub.Errors;
using ModelHub.Resources;

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

/// <summary>Chooses the files of a version to install (docs/PLACEMENT.md, "Choosing files").</summary>
public static class FileSelection
{
    private const string DiffusersFormat = "Diffusers";

    // A file list in an error stays readable: a pipeline repository can hold hundreds of files.
    private const int ListedFiles = 25;

    /// <summary>
    /// The primary file by default (Civitai: the primary file; Hugging Face: the single weights file at the root,
    /// or the whole pipeline for a diffusers repo); <paramref name="criteria"/> narrows or widens that. Throws
    /// <see cref="Errors.ModelHubException"/>: NoMatchingFile (naming what there is), PickleFormatRefused (with
    /// Civitai's scan results) unless AllowPickle.
    /// </summary>
    public static SelectionResult Select(Model model, ModelVersion version, IReadOnlyList<ModelFile> files, FileCriteria criteria)
    {
        var target = new ModelReference(model.Hub, model.Id, version.VersionId).ToString();
        var onPaths = MatchPaths(files, criteria);

        // -FileName, -Variant and a -Format other than Diffusers pick single files; otherwise a pipeline installs as a folder,
        // with -Precision naming the variant of its weights and -Include/-Exclude narrowing its files.
        var picksFiles = criteria.FileName.Count > 0 || criteria.Variant is not null || (criteria.Format is not null && !Same(criteria.Format, DiffusersFormat));
        var isFolder = !picksFiles && onPaths.Any(IsPipelineFile);
        var hasCriteria = picksFiles || criteria.Format is not null || criteria.Precision is not null || criteria.Include.Count > 0 || criteria.Exclude.Count > 0;
        var chosen = isFolder ? PipelineFiles.Choose(onPaths.Where(IsPipelineFile), criteria.Precision)
            : hasCriteria ? onPaths.Where(Attributes(criteria)).ToList()
            : Primary(files);
        if (chosen.Count == 0)
        {
            throw hasCriteria
                ? NoMatch(model.Hub, target, Text.Format(Messages.NoMatchingFile, target, Describe(criteria), List(files)))
                : NoMatch(model.Hub, target, Text.Format(Messages.NoPrimaryFile, target, List(files)));
        }

        if (!criteria.AllowPickle && chosen.Where(IsPickle).ToList() is { Count: > 0 } pickles)
        {
            throw new ModelHubException(ErrorIds.PickleFormatRefused, HubErrorCategory.SecurityError,
                Text.Format(Messages.PickleFormatRefused, target, string.Join("; ", pickles.Select(Scans))), Messages.PickleFormatRefusedAction)
            {
                Hub = model.Hub,
                Target = target,
            };
        }

        return new SelectionResult { Files = InstallNames(model, version, chosen, isFolder), IsDiffusersFolder = isFolder };
    }

    /// <summary>The files -Include and -Exclude leave (globs over repository paths); all of them when neither is given.</summary>
    private static List<ModelFile> MatchPaths(IReadOnlyList<ModelFile> files, FileCriteria criteria)
    {
        if (criteria.Include.Count == 0 && criteria.Exclude.Count == 0)
        {
            return files.ToList();
        }

        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(criteria.Include.Count > 0 ? criteria.Include : new[] { "**/*" });
        matcher.AddExcludePatterns(criteria.Exclude);
        return files.Where(file => matcher.Match(file.Path).HasMatches).ToList();
    }

    /// <summary>-Format, -Precision and -Variant exactly (case-insensitive), and -FileName's wildcards over the file name or its path (a piped file binds its path).</summary>
    private static Func<ModelFile, bool> Attributes(FileCriteria criteria)
    {
        var names = criteria.FileName.Select(pattern => new Wildcard(pattern)).ToList();
        return file => (criteria.Format is null || Same(file.Format, criteria.Format))
            && (criteria.Precision is null || Same(file.Precision, criteria.Precision))
            && (criteria.Variant is null || Same(file.Variant, criteria.Variant))
            && (names.Count == 0 || names.Any(name => name.IsMatch(file.Name) || name.IsMatch(file.Path)));
    }

    /// <summary>
    /// The file the hub marks primary; for a Hugging Face repository without one, the single weights file at its root once
    /// pickle duplicates and variants (model.fp16.safetensors) are set aside. Empty when there is no such file.
    /// </summary>
    private static List<ModelFile> Primary(IReadOnlyList<ModelFile> files)
    {
        if (files.FirstOrDefault(file => file.Primary) is { } primary)
        {
            return new List<ModelFile> { primary };
        }

        var rootWeights = files.Where(file => file.Hub == Hub.HuggingFace && file.Path.IndexOf('/') < 0 && PipelineFiles.IsWeights(file)).ToList();
        return rootWeights.Count > 0 && PipelineFiles.Preferred(rootWeights, precision: null).Files is { Count: 1 } single
            ? single.ToList()
            : new List<ModelFile>();
    }

    /// <summary>A component of a Hugging Face diffusers pipeline (the mapper gives them Format Diffusers; Civitai's Diffusers files are zip archives).</summary>
    private static bool IsPipelineFile(ModelFile file) => file.Hub == Hub.HuggingFace && Same(file.Format, DiffusersFormat);

    private static bool IsPickle(ModelFile file) =>
        SelectionData.Current.PickleFormats.Contains(file.Format ?? string.Empty) || SelectionData.Current.PickleExtensions.Contains(SelectionData.Extension(file.Name));

    private static IReadOnlyList<SelectedFile> InstallNames(Model model, ModelVersion version, List<ModelFile> files, bool isFolder)
    {
        var repository = SafeFileName.From(model.Id.Substring(model.Id.LastIndexOf('/') + 1), "model");
        if (isFolder)
        {
            return files.Select(file => new SelectedFile(file, repository + "/" + string.Join("/", file.Path.Split('/').Select(segment => SafeFileName.From(segment, "_"))))).ToList();
        }

        var fallback = model.Hub == Hub.Civitai ? $"civitai-{model.Id}-{version.VersionId}" : repository;
        var names = files.Select(file => FlatName(file, repository, fallback)).ToList();

        // The same name in two folders of a repository: those files keep their folders in their names.
        var clashing = new HashSet<string>(names.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1).Select(group => group.Key), StringComparer.OrdinalIgnoreCase);
        return files.Select((file, index) => new SelectedFile(file, clashing.Contains(names[index]) ? SafeFileName.From(file.Path.Replace('/', '-'), fallback) : names[index])).ToList();
    }

    /// <summary>The file's own name, sanitised; a generic Hugging Face name (model.safetensors) becomes the repository's name (and folders) with the same extension.</summary>
    private static string FlatName(ModelFile file, string repository, string fallback)
    {
        var dot = file.Name.IndexOf('.');
        var stem = dot > 0 ? file.Name.Substring(0, dot) : file.Name;
        if (file.Hub != Hub.HuggingFace || !SelectionData.Current.GenericStems.Contains(stem))
        {
            return SafeFileName.From(file.Name, fallback);
        }

        var segments = file.Path.Split('/');
        var folders = segments.Take(segments.Length - 1).Select(folder => SafeFileName.From(folder, "_"));
        return SafeFileName.From(string.Join("-", new[] { repository }.Concat(folders)) + (dot > 0 ? file.Name.Substring(dot) : string.Empty), fallback);
    }

    private static string Describe(FileCriteria criteria)
    {
        var parts = new List<string>();
        Add("-Format", criteria.Format);
        Add("-Precision", criteria.Precision);
        Add("-Variant", criteria.Variant);
        Add("-FileName", criteria.FileName.Count > 0 ? string.Join(", ", criteria.FileName) : null);
        Add("-Include", criteria.Include.Count > 0 ? string.Join(", ", criteria.Include) : null);
        Add("-Exclude", criteria.Exclude.Count > 0 ? string.Join(", ", criteria.Exclude) : null);
        return string.Join(" ", parts);

        void Add(string parameter, string? value)
        {
            if (value is not null)
            {
                parts.Add(parameter + " " + value);
            }
        }
    }

    private static string List(IReadOnlyList<ModelFile> files)
    {
        if (files.Count == 0)
        {
            return Messages.NoFilesListed;
        }

        var listed = files.Take(ListedFiles).Select(file =>
        {
            var details = new[] { file.Format, file.Precision, file.Size is { } size ? Size(size) : null }.Where(detail => !string.IsNullOrEmpty(detail));
            return $"{file.Path} ({string.Join(", ", details)})";
        });
        var more = files.Count > ListedFiles ? new[] { Text.Format(Messages.FileListMore, files.Count - ListedFiles) } : Array.Empty<string>();
        return string.Join("; ", listed.Concat(more));
    }

    private static string Size(long bytes)
    {
        string[] units = { "B", "KB", "MB", "GB", "TB" };
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(unit == 0 ? "0" : "0.#", CultureInfo.CurrentCulture) + " " + units[unit];
    }

    private static string Scans(ModelFile file) =>
        file.Hub == Hub.Civitai
            ? Text.Format(Messages.PickleScanned, file.Name, Scan(file.PickleScan, file.PickleScanMessage), file.VirusScan ?? Messages.ScanNotReported)
            : Text.Format(Messages.PickleNotScanned, file.Path);

    private static string Scan(string? result, string? message) =>
        result is null ? Messages.ScanNotReported : string.IsNullOrWhiteSpace(message) ? result : result + ", " + message;

    private static bool Same(string? value, string wanted) => string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase);

    private static ModelHubException NoMatch(Hub hub, string target, string message) =>
        new(ErrorIds.NoMatchingFile, HubErrorCategory.ObjectNotFound, message, Messages.NoMatchingFileAction)
        {
            Hub = hub,
            Target = target,
        };
}
