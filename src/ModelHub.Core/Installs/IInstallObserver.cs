using ModelHub.Downloads;

namespace ModelHub.Installs;

/// <summary>What an install reports while it runs; the PowerShell layer turns it into progress, output and warnings.</summary>
public interface IInstallObserver
{
    void Progress(PlannedFile file, DownloadProgress progress);

    void Installed(InstallResult result);

    void Warning(string text);
}
