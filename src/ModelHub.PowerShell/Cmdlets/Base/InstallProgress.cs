using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ModelHub.Downloads;
using ModelHub.Installs;

namespace ModelHub.PowerShell.Cmdlets.Base;

/// <summary>
/// The install's progress bars: one overall bar over every planned byte, and a child bar per file with bytes,
/// rate and time left. Writes at most a few times a second per bar; every bar it opens it also completes.
/// </summary>
internal sealed class InstallProgress
{
    private const int OverallId = 0;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly object _gate = new();
    private readonly PipelineWriter _writer;
    private readonly Dictionary<PlannedFile, int> _ids = new();
    private readonly Dictionary<PlannedFile, long> _done = new();
    private readonly Dictionary<PlannedFile, long> _lastWrite = new();
    private readonly HashSet<PlannedFile> _open = new();
    private readonly long _totalBytes;
    private readonly int _totalFiles;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastOverallWrite = long.MinValue;
    private int _finishedFiles;

    public InstallProgress(PipelineWriter writer, IReadOnlyList<InstallPlan> plans)
    {
        _writer = writer;
        var files = plans.SelectMany(plan => plan.Files).ToList();
        for (var index = 0; index < files.Count; index++)
        {
            _ids[files[index]] = index + 1;
        }

        _totalBytes = files.Sum(file => file.Size ?? 0);
        _totalFiles = files.Count;
    }

    /// <summary>Formats a byte count for people in binary units, as the format file does: 1.5 GB, 320.0 MB, 12.0 KB.</summary>
    public static string Bytes(double bytes)
    {
        string[] units = { "B", "KB", "MB", "GB", "TB" };
        var unit = 0;
        for (; bytes >= 1024 && unit < units.Length - 1; unit++)
        {
            bytes /= 1024;
        }

        return unit == 0 ? string.Format(CultureInfo.InvariantCulture, "{0:0} B", bytes) : string.Format(CultureInfo.InvariantCulture, "{0:0.0} {1}", bytes, units[unit]);
    }

    /// <summary>What the installs report to.</summary>
    public IInstallObserver Observer => new InstallObserver(this);

    /// <summary>Completes the bars of a plan's files that did not finish (a failure), so none is left open.</summary>
    public void Finished(InstallPlan plan)
    {
        lock (_gate)
        {
            foreach (var file in plan.Files.Where(_open.Contains).ToList())
            {
                CompleteFile(file);
            }
        }
    }

    /// <summary>Completes the overall bar.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _open.ToList().ForEach(CompleteFile);
            _writer.Progress(new ProgressRecord(OverallId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    private static string Activity => "Installing models";

    private void Report(PlannedFile file, DownloadProgress progress)
    {
        lock (_gate)
        {
            _done[file] = progress.BytesDone;
            _open.Add(file);
            var now = _clock.ElapsedTicks;
            var finalReport = progress.TotalBytes is { } total && progress.BytesDone >= total;
            if (!finalReport && _lastWrite.TryGetValue(file, out var last) && now - last < Interval.TotalSeconds * Stopwatch.Frequency)
            {
                return;
            }

            _lastWrite[file] = now;
            var record = new ProgressRecord(_ids[file], file.InstallName, FileStatus(progress)) { ParentActivityId = OverallId };
            if (progress.TotalBytes is > 0)
            {
                record.PercentComplete = (int)Math.Min(100, progress.BytesDone * 100 / progress.TotalBytes.Value);
            }

            if (progress.Remaining is { } remaining)
            {
                record.SecondsRemaining = (int)Math.Ceiling(remaining.TotalSeconds);
            }

            if (now - _lastOverallWrite >= Interval.TotalSeconds * Stopwatch.Frequency)
            {
                _lastOverallWrite = now;
                WriteOverall();
            }

            _writer.Progress(record);
        }
    }

    private void Installed(InstallResult result)
    {
        lock (_gate)
        {
            var file = _ids.Keys.FirstOrDefault(planned => planned.DestinationPath == result.Path);
            if (file is not null)
            {
                _done[file] = result.Size;
                CompleteFile(file);
            }

            _finishedFiles++;
            WriteOverall();
        }

        _writer.Object(result);
    }

    private void WriteOverall()
    {
        var done = _done.Values.Sum();
        var status = string.Format(CultureInfo.InvariantCulture, "{0} of {1} files, {2} of {3}", _finishedFiles, _totalFiles, Bytes(done), Bytes(_totalBytes));
        var record = new ProgressRecord(OverallId, Activity, status);
        if (_totalBytes > 0)
        {
            record.PercentComplete = (int)Math.Min(100, done * 100 / _totalBytes);
        }

        _writer.Progress(record);
    }

    private void CompleteFile(PlannedFile file)
    {
        if (_open.Remove(file))
        {
            _writer.Progress(new ProgressRecord(_ids[file], file.InstallName, "Done") { ParentActivityId = OverallId, RecordType = ProgressRecordType.Completed });
        }
    }

    private static string FileStatus(DownloadProgress progress) =>
        string.Format(CultureInfo.InvariantCulture, "{0} of {1} at {2}/s",
            Bytes(progress.BytesDone), progress.TotalBytes is { } total ? Bytes(total) : "?", Bytes(progress.BytesPerSecond));

    private sealed class InstallObserver : IInstallObserver
    {
        private readonly InstallProgress _progress;

        public InstallObserver(InstallProgress progress) => _progress = progress;

        public void Progress(PlannedFile file, DownloadProgress progress) => _progress.Report(file, progress);

        public void Installed(InstallResult result) => _progress.Installed(result);

        public void Warning(string text) => _progress._writer.Warning(text);
    }
}
