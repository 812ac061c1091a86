using ModelHub.Installs;

namespace ModelHub.Library.Updates;

/// <summary>One installed copy's update: the install that replaces it, and whether the old file goes.</summary>
public sealed class UpdateStep
{
    public ModelUpdate Update { get; init; } = null!;

    /// <summary>The copy being updated.</summary>
    public InstalledModel Installed { get; init; } = null!;

    /// <summary>The new version's install into the copy's folder.</summary>
    public InstallPlan Plan { get; init; } = null!;

    public InstallOptions Options { get; init; } = null!;

    /// <summary>The new file (or folder) the install leaves.</summary>
    public string NewPath => Plan.Folder ?? Plan.Files[0].DestinationPath;

    /// <summary>Whether the old file and its sidecars are removed afterwards: -RemoveOld, and the new one did not replace it in place.</summary>
    public bool RemovesOld { get; init; }
}
