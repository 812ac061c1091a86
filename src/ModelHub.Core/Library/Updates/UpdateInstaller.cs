using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Installs;

namespace ModelHub.Library.Updates;

/// <summary>
/// Update-HubModel: installs an update through the install engine into the folder of each copy it replaces, choosing the
/// same kind of file (format, precision, variant; the same repository path on Hugging Face), then keeps or removes the old one.
/// </summary>
public sealed class UpdateInstaller
{
    private const string ToolKey = "tool";
    private const string RuleKey = "rule";

    private readonly ModelDiscovery _discovery;
    private readonly ModelInstaller _installer;

    public UpdateInstaller(ModelDiscovery discovery, ModelInstaller installer)
    {
        _discovery = discovery;
        _installer = installer;
    }

    /// <summary>One step per unpinned copy the update replaces. Reads the hub, writes nothing.</summary>
    public async Task<IReadOnlyList<UpdateStep>> PlanAsync(ModelUpdate update, UpdateOptions options, HubCallOptions call, CancellationToken cancellationToken)
    {
        var copies = update.Installed.Where(copy => !copy.Pinned).ToList();
        if (copies.Count == 0)
        {
            return Array.Empty<UpdateStep>();
        }

        var reference = new ModelReference(update.Hub, update.Id, update.VersionId);
        var model = update.Hub == Hub.Civitai ? await _discovery.GetModelAsync(reference, call, cancellationToken).ConfigureAwait(false) : null;
        var files = new List<ModelFile>();
        await _discovery.GetFilesAsync(reference, update.VersionId, call, files.Add, cancellationToken).ConfigureAwait(false);

        var steps = new List<UpdateStep>();
        foreach (var copy in copies)
        {
            var installOptions = new InstallOptions
            {
                Path = Path.GetDirectoryName(Path.GetFullPath(copy.Path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)),
                Tool = copy.Tool,
                TargetPath = options.KeepFileName && !copy.IsFolder ? Path.GetFullPath(copy.Path) : null,
                VersionId = update.VersionId,
                Criteria = Criteria(files, model, copy, options.AllowPickle),
                MaxConnections = options.MaxConnections,
                MaxBytesPerSecond = options.MaxBytesPerSecond,
            };
            var plan = await _installer.PlanAsync(reference, installOptions, call, cancellationToken).ConfigureAwait(false);
            var newPath = plan.Folder ?? plan.Files[0].DestinationPath;
            steps.Add(new UpdateStep { Update = update, Installed = copy, Plan = plan, Options = installOptions, RemovesOld = options.RemoveOld && !SamePath(newPath, copy.Path) });
        }

        return steps;
    }

    /// <summary>
    /// Installs one step (the record of the new file keeps the old one's tool and placement rule), then removes the old
    /// file and the sidecars ModelHub wrote for it when the step says so; returns what was removed, if anything.
    /// </summary>
    public async Task<UninstallResult?> InstallAsync(UpdateStep step, HubCallOptions call, IInstallObserver observer, CancellationToken cancellationToken)
    {
        var oldRecord = SidecarWriter.ReadRecord(SidecarWriter.RecordPath(step.Installed.Path));
        await _installer.InstallAsync(step.Plan, step.Options, call, observer, cancellationToken).ConfigureAwait(false);
        if (oldRecord?.Tool is { } tool && SidecarWriter.ReadRecord(SidecarWriter.RecordPath(step.NewPath)) is not null)
        {
            RecordFile.Edit(step.NewPath, record =>
            {
                record[ToolKey] = tool.ToString();
                record[RuleKey] = oldRecord.Rule;
            });
        }

        if (!step.RemovesOld)
        {
            return null;
        }

        var removal = Uninstaller.Plan(step.Installed.Path);
        Uninstaller.Remove(removal);
        return removal;
    }

    /// <summary>The file of the new version like the installed one, named exactly; a diffusers folder is installed whole.</summary>
    private static FileCriteria Criteria(IReadOnlyList<ModelFile> files, Model? model, InstalledModel copy, bool allowPickle)
    {
        var installed = model is null ? null : MatchingFile.Installed(model, copy);
        if (copy.IsFolder || MatchingFile.For(files, installed, copy.HubFileName) is not { } match)
        {
            return new FileCriteria { AllowPickle = allowPickle };
        }

        return new FileCriteria { FileName = new[] { Literal(match.Path.Length > 0 ? match.Path : match.Name) }, AllowPickle = allowPickle };
    }

    /// <summary>A name as a wildcard that matches only itself.</summary>
    private static string Literal(string name)
    {
        var escaped = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            if (character is '*' or '?' or '[' or ']' or '`')
            {
                escaped.Append('`');
            }

            escaped.Append(character);
        }

        return escaped.ToString();
    }

    private static bool SamePath(string left, string right) =>
        string.Equals(Path.GetFullPath(left).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(right).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
