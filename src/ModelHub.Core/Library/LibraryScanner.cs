using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Installs;
using ModelHub.Resources;
using ModelHub.Settings;

namespace ModelHub.Library;

/// <summary>
/// Finds the models on this machine and says what each is: sidecars first (ours, Civitai Helper, A1111,
/// StabilityMatrix), the Hugging Face cache, then the file's hash asked of Civitai in bulk, then its
/// safetensors header. Hashes are cached by (path, size, last-write time); lookups that found nothing are
/// remembered with a date, outages never.
/// </summary>
public sealed class LibraryScanner
{
    /// <summary>The state folder's subfolder for the hash cache and the lookup memory.</summary>
    public const string StateFolderName = "library";

    /// <summary>Files hashed at once: one per core, at most this many (more only queue on the disk).</summary>
    private const int MaxParallelHashing = 8;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    private readonly ModelDiscovery _discovery;
    private readonly SidecarWriter _sidecars;
    private readonly SettingsReader _settings;
    private readonly IEnvironment _environment;
    private readonly TimeProvider _time;

    public LibraryScanner(ModelDiscovery discovery, SidecarWriter sidecars, SettingsReader settings, IEnvironment environment, TimeProvider time)
    {
        _discovery = discovery;
        _sidecars = sidecars;
        _settings = settings;
        _environment = environment;
        _time = time;
    }

    /// <summary>The roots to scan: the tool's (given, else the stored default) and the plain folders given.</summary>
    /// <remarks>
    /// A tool named alone uses the stored folder when it is the stored tool; a folder given alone uses the stored tool.
    /// With neither, and no plain folder, the stored tool and folder are scanned when both are set. Throws
    /// <see cref="ModelHubConfigurationException"/> (ToolRootNotSet) when a tool's folder or a folder's tool is missing.
    /// </remarks>
    public static IReadOnlyList<ScanRoot> RootsFor(Tool? tool, string? toolRoot, IReadOnlyList<string> paths, ModelHubSettings settings)
    {
        var roots = new List<ScanRoot>();
        if (tool is not null || toolRoot is not null)
        {
            var chosen = tool ?? settings.Tool ?? throw new ModelHubConfigurationException(ErrorIds.ToolRootNotSet, HubErrorCategory.InvalidArgument,
                Text.Format(Messages.LibraryToolNotSet, toolRoot), Messages.LibraryToolNotSetAction);
            var root = toolRoot ?? (chosen == settings.Tool ? settings.ToolRoot : null) ?? throw new ModelHubConfigurationException(ErrorIds.ToolRootNotSet,
                HubErrorCategory.InvalidArgument, Text.Format(Messages.LibraryToolRootNotSet, chosen), Text.Format(Messages.LibraryToolRootNotSetAction, chosen));
            roots.Add(new ScanRoot(Path.GetFullPath(root), chosen));
        }
        else if (paths.Count == 0 && settings.Tool is { } storedTool && settings.ToolRoot is { } storedRoot)
        {
            roots.Add(new ScanRoot(Path.GetFullPath(storedRoot), storedTool));
        }

        roots.AddRange(paths.Select(path => new ScanRoot(Path.GetFullPath(path), null)));
        return roots;
    }

    /// <summary>Hands each installed model to <paramref name="receive"/> as it is identified; one file's failure never stops the scan.</summary>
    /// <remarks>Warnings and per-file failures are dropped here; callers that report them use the overload taking an <see cref="IScanObserver"/>.</remarks>
    public Task ScanAsync(ScanRequest request, Action<InstalledModel> receive, IProgress<ScanProgress>? progress, HubCallOptions options, CancellationToken cancellationToken) =>
        ScanAsync(request, new CallbackObserver(receive, progress), options, cancellationToken);

    /// <summary>
    /// Scans the request's roots (and the Hugging Face cache when asked), handing each model to the observer as it is
    /// identified. Only an empty request (nothing to scan) throws; a missing folder, an unreadable file or a hub that
    /// cannot be reached is reported to the observer and the scan goes on.
    /// </summary>
    public async Task ScanAsync(ScanRequest request, IScanObserver observer, HubCallOptions options, CancellationToken cancellationToken)
    {
        if (request.Roots.Count == 0 && !request.IncludeHuggingFaceCache)
        {
            throw new ModelHubConfigurationException(ErrorIds.ToolRootNotSet, HubErrorCategory.InvalidArgument, Messages.LibraryNothingToScan, Messages.LibraryNothingToScanAction);
        }

        var stateFolder = Path.Combine(_settings.Read().StateFolder, StateFolderName);
        var scan = new Scan(request, observer, HashCache.Load(stateFolder, observer.Warning), LookupMemory.Load(stateFolder, observer.Warning), HuggingFaceCache.Root(_settings, _environment));
        var (entries, folders) = Find(scan);
        scan.FilesFound = entries.Count;
        scan.Report(force: true);

        var pending = new List<Pending>();
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? hashHint = null;
            var identity = entry.Known ?? SidecarReader.Read(entry, observer.Warning, out hashHint);
            if (identity is { IsOnHub: true })
            {
                scan.Emit(entry, identity);
                continue;
            }

            var partial = identity ?? LocalDirMetadata.Find(entry, scan.RepositoryOfCommit);
            pending.Add(new Pending(entry) { Partial = partial, Sha256 = partial?.Sha256 ?? hashHint });
        }

        await HashAsync(pending, scan, cancellationToken).ConfigureAwait(false);
        await LookUpAsync(pending, scan, options, cancellationToken).ConfigureAwait(false);
        foreach (var item in pending)
        {
            scan.Emit(item.Entry, item.Found ?? item.Partial ?? new Identity { Sha256 = item.Sha256 });
        }

        if (request.WriteSidecars)
        {
            await WriteSidecarsAsync(scan, options, cancellationToken).ConfigureAwait(false);
        }

        scan.Hashes.ForgetMissing(folders, new HashSet<string>(entries.Select(entry => entry.Path), LibraryFolders.PathComparer));
        scan.Hashes.Save(observer.Warning);
        scan.Memory.Save(observer.Warning);
        scan.Report(force: true);
    }

    /// <summary>Every model under the roots (and in the Hugging Face cache when asked), each path once, and the folders walked.</summary>
    private static (List<FoundEntry> Entries, List<string> Folders) Find(Scan scan)
    {
        var entries = new List<FoundEntry>();
        var folders = new List<string>();
        var seen = new HashSet<string>(LibraryFolders.PathComparer);
        void ReportUnreadable(string path, Exception exception) => scan.Observer.Failed(Unreadable(path, exception));

        foreach (var root in scan.Request.Roots)
        {
            if (!Directory.Exists(root.Path))
            {
                scan.Observer.Failed(new ModelHubException(ErrorIds.LibraryFolderNotFound, HubErrorCategory.ObjectNotFound,
                    Text.Format(Messages.LibraryFolderNotFound, root.Path), Messages.LibraryFolderNotFoundAction) { Target = root.Path });
                continue;
            }

            IReadOnlyList<ScanFolder> rootFolders;
            try
            {
                rootFolders = LibraryFolders.For(root);
            }
            catch (ModelHubException exception)
            {
                // An unreadable extra_model_paths.yaml: the scan goes on with the other roots.
                scan.Observer.Failed(exception);
                continue;
            }

            // A tool's folder that does not exist holds nothing; only a root itself must exist.
            foreach (var folder in rootFolders.Where(folder => Directory.Exists(folder.Path)))
            {
                folders.Add(folder.Path);
                entries.AddRange(ModelFiles.Find(folder, ReportUnreadable).Where(entry => seen.Add(entry.Path)));
            }
        }

        if (scan.Request.IncludeHuggingFaceCache)
        {
            folders.Add(scan.HuggingFaceRoot);
            entries.AddRange(HuggingFaceCache.Find(scan.HuggingFaceRoot, ReportUnreadable).Where(entry => seen.Add(entry.Path)));
        }

        return (entries, folders);
    }

    /// <summary>Hashes the files no sidecar or cache knows the hash of, largest first, one per core within a bound.</summary>
    private static async Task HashAsync(List<Pending> pending, Scan scan, CancellationToken cancellationToken)
    {
        var queue = new List<Pending>();
        foreach (var item in pending.Where(item => !item.Entry.IsFolder && item.Sha256 is null))
        {
            if (scan.Hashes.Get(item.Entry)?.Sha256 is { } cached)
            {
                item.Sha256 = cached;
            }
            else
            {
                queue.Add(item);
            }
        }

        scan.BytesToHash = queue.Sum(item => item.Entry.Size);
        var work = new ConcurrentQueue<Pending>(queue.OrderByDescending(item => item.Entry.Size));
        var workers = Enumerable.Range(0, Math.Max(1, Math.Min(Environment.ProcessorCount, MaxParallelHashing))).Select(_ => Task.Run(() =>
        {
            using var hasher = new ContentHasher();
            while (work.TryDequeue(out var item))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var sha256 = hasher.Sha256(item.Entry.Path, scan.Content, scan.Hashed, cancellationToken);
                    item.Sha256 = sha256;
                    scan.Hashes.Put(item.Entry, cached => cached.Sha256 = sha256);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    scan.Observer.Failed(Unreadable(item.Entry.Path, exception));
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks the hubs about the hashes not remembered (all with -Refresh), a hundred a request, one request at a time.
    /// Answers are remembered: found, or not found with the date. A request that fails is reported once and its hashes
    /// stay unknown, to be asked again next time (an outage is not a "not found").
    /// </summary>
    private async Task LookUpAsync(List<Pending> pending, Scan scan, HubCallOptions options, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var candidates = pending.Where(item => item.Partial is null && item.Sha256 is not null).ToList();
        var toAsk = new List<string>();
        var asking = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in candidates)
        {
            if (!scan.Request.Refresh && scan.Memory.Get(item.Sha256!, now) is { } remembered)
            {
                item.Found = remembered.Match;
            }
            else if (asking.Add(item.Sha256!))
            {
                toAsk.Add(item.Sha256!);
            }
        }

        var answers = new Dictionary<string, Identity>(StringComparer.Ordinal);
        for (var start = 0; start < toAsk.Count; start += ModelSourceLimits.MaxHashesPerLookup)
        {
            var batch = toAsk.Skip(start).Take(ModelSourceLimits.MaxHashesPerLookup).ToList();
            var failed = false;
            foreach (var hub in _discovery.Hubs)
            {
                try
                {
                    foreach (var match in await _discovery.FindByHashAsync(hub, batch, options, cancellationToken).ConfigureAwait(false))
                    {
                        answers[match.Sha256] = Identified(match);
                    }
                }
                catch (ModelHubException exception)
                {
                    failed = true;
                    scan.Observer.Warning(Text.Format(Messages.LibraryLookupFailed, batch.Count, hub, exception.Message));
                }
            }

            foreach (var hash in batch)
            {
                var answer = answers.TryGetValue(hash, out var found) ? found : null;
                if (answer is not null || !failed)
                {
                    scan.Memory.Remember(hash, answer, now);
                }
            }
        }

        foreach (var item in candidates.Where(item => answers.ContainsKey(item.Sha256!)))
        {
            item.Found = answers[item.Sha256!];
        }
    }

    private static Identity Identified(HashMatch match) => new()
    {
        By = Identification.HashLookup,
        Hub = match.Version.Hub,
        Id = match.Version.ModelId,
        VersionId = match.Version.VersionId,
        Name = match.ModelName,
        VersionName = match.Version.Name,
        Type = match.Type,
        BaseModel = match.Version.BaseModel,
        HubFileName = match.File.Name,
        Sha256 = match.Sha256,
    };

    /// <summary>
    /// -WriteSidecar: the missing record, .civitai.info and preview of each file a hub knows that has no record of ours
    /// (never in the Hugging Face cache, and only where the file's hash is known). A model the hub cannot give is a warning.
    /// </summary>
    private async Task WriteSidecarsAsync(Scan scan, HubCallOptions options, CancellationToken cancellationToken)
    {
        foreach (var (entry, identity) in scan.Identified.Where(pair => pair.Identity.By != Identification.ModelHubRecord && pair.Entry.Known is null
            && !pair.Entry.IsFolder && pair.Identity.Sha256 is not null && pair.Identity.VersionId is not null))
        {
            try
            {
                var model = await _discovery.GetModelAsync(new ModelReference(identity.Hub!.Value, identity.Id!), options, cancellationToken).ConfigureAwait(false);
                var version = model.Versions.FirstOrDefault(candidate => candidate.VersionId == identity.VersionId);
                if (version is null)
                {
                    scan.Observer.Warning(Text.Format(Messages.LibrarySidecarsNotWritten, entry.Path, Text.Format(Messages.LibraryVersionNotListed, model.Hub, model.Id, identity.VersionId)));
                    continue;
                }

                var file = version.Files.FirstOrDefault(candidate => candidate.Sha256 == identity.Sha256)
                    ?? version.Files.FirstOrDefault(candidate => candidate.Name == identity.HubFileName)
                    ?? version.Files.FirstOrDefault(candidate => candidate.Primary)
                    ?? new ModelFile { Hub = model.Hub, ModelId = model.Id, VersionId = version.VersionId, Name = Path.GetFileName(entry.Path), Path = identity.HubFileName ?? Path.GetFileName(entry.Path) };
                var item = new InstalledItem
                {
                    Model = model,
                    Version = version,
                    Path = entry.Path,
                    Files = new[] { new InstalledFile { File = file, Path = entry.Path, Sha256 = identity.Sha256!, Size = entry.Size, Verified = file.Sha256 == identity.Sha256 } },
                    Tool = entry.Tool,
                    Rule = Text.Format(Messages.LibraryFoundRule, identity.By),
                    InstalledAt = identity.InstalledAt ?? new DateTimeOffset(entry.LastWriteUtc, TimeSpan.Zero),
                };
                foreach (var warning in await _sidecars.WriteMissingAsync(item, options, cancellationToken).ConfigureAwait(false))
                {
                    scan.Observer.Warning(warning);
                }
            }
            catch (ModelHubException exception)
            {
                scan.Observer.Warning(Text.Format(Messages.LibrarySidecarsNotWritten, entry.Path, exception.Message));
            }
        }
    }

    private static ModelHubException Unreadable(string path, Exception exception) =>
        new(ErrorIds.LibraryFileUnreadable, HubErrorCategory.ResourceUnavailable, Text.Format(Messages.LibraryFileUnreadable, path, exception.Message), Messages.LibraryFileUnreadableAction, exception)
        {
            Target = path,
        };

    /// <summary>A file still to identify after its sidecars: what --local-dir metadata says, its hash, and what the hubs answered.</summary>
    private sealed class Pending(FoundEntry entry)
    {
        public FoundEntry Entry { get; } = entry;

        /// <summary>An identity that names no hub model (--local-dir metadata of a repo not in the cache): kept, not looked up.</summary>
        public Identity? Partial { get; init; }

        public string? Sha256 { get; set; }

        public Identity? Found { get; set; }
    }

    /// <summary>One scan's state: its caches, counters and progress, and what it identified.</summary>
    private sealed class Scan
    {
        private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
        private readonly Installs.Wildcard? _name;
        private readonly Lazy<IReadOnlyDictionary<string, string>> _repositories;
        private long _bytesHashed;
        private int _filesDone;

        public Scan(ScanRequest request, IScanObserver observer, HashCache hashes, LookupMemory memory, string huggingFaceRoot)
        {
            Request = request;
            Observer = observer;
            Hashes = hashes;
            Memory = memory;
            HuggingFaceRoot = huggingFaceRoot;
            _name = request.Name is { } pattern ? new Installs.Wildcard(pattern) : null;
            _repositories = new Lazy<IReadOnlyDictionary<string, string>>(() => HuggingFaceCache.RepositoriesByCommit(huggingFaceRoot));
        }

        public ScanRequest Request { get; }

        public IScanObserver Observer { get; }

        public HashCache Hashes { get; }

        public LookupMemory Memory { get; }

        public string HuggingFaceRoot { get; }

        public ContentCounter Content { get; } = new();

        public int FilesFound { get; set; }

        public long BytesToHash { get; set; }

        /// <summary>The files a hub knows, for -WriteSidecar.</summary>
        public List<(FoundEntry Entry, Identity Identity)> Identified { get; } = new();

        public string? RepositoryOfCommit(string commit) => _repositories.Value.TryGetValue(commit, out var repo) ? repo : null;

        public void Hashed(long bytes)
        {
            Interlocked.Add(ref _bytesHashed, bytes);
            Report(force: false);
        }

        /// <summary>Completes the identity from the file's header or pipeline index where it lacks a type, then hands the model on.</summary>
        public void Emit(FoundEntry entry, Identity identity)
        {
            if (!identity.IsOnHub || (identity.Type is null && entry.TypeHint is null))
            {
                identity = entry.IsFolder ? WithPipelineIndex(entry, identity) : WithHeader(entry, identity);
            }

            if (identity.IsOnHub)
            {
                Identified.Add((entry, identity));
            }

            var model = identity.For(entry);
            Interlocked.Increment(ref _filesDone);
            if (_name is null || _name.IsMatch(model.Name) || _name.IsMatch(Path.GetFileName(entry.Path)))
            {
                Observer.Found(model);
            }

            Report(force: false);
        }

        public void Report(bool force)
        {
            lock (_sinceReport)
            {
                if (!force && _sinceReport.Elapsed < ProgressInterval)
                {
                    return;
                }

                _sinceReport.Restart();
            }

            Observer.Progress(new ScanProgress(FilesFound, Volatile.Read(ref _filesDone), BytesToHash, Interlocked.Read(ref _bytesHashed), Content.Bytes));
        }

        /// <summary>The header's type and family where the identity has none (cached with the hash); a hub-less file is then identified by its header.</summary>
        private Identity WithHeader(FoundEntry entry, Identity identity)
        {
            var cached = Hashes.Get(entry);
            var facts = cached?.HeaderRead == true ? cached.Header : null;
            if (cached?.HeaderRead != true)
            {
                try
                {
                    facts = SafetensorsHeader.Read(entry.Path, Content);
                    Hashes.Put(entry, update =>
                    {
                        update.HeaderRead = true;
                        update.Header = facts;
                    });
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    Observer.Failed(Unreadable(entry.Path, exception));
                }
            }

            if (facts is null || (facts.Type is null && facts.BaseModel is null && facts.Title is null))
            {
                return identity;
            }

            return identity with
            {
                By = identity.By == Identification.Unidentified ? Identification.SafetensorsHeader : identity.By,
                Type = identity.Type ?? facts.Type,
                BaseModel = identity.BaseModel is null or BaseModels.Unknown ? facts.BaseModel : identity.BaseModel,
                Name = identity.Name ?? facts.Title,
            };
        }

        /// <summary>A diffusers pipeline is a checkpoint; its model_index.json's pipeline class names the family.</summary>
        private static Identity WithPipelineIndex(FoundEntry entry, Identity identity)
        {
            string? pipelineClass = null;
            try
            {
                using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(entry.Path, ModelFiles.DiffusersIndex)));
                pipelineClass = index.RootElement.ValueKind == JsonValueKind.Object && index.RootElement.TryGetProperty("_class_name", out var name) && name.ValueKind == JsonValueKind.String
                    ? name.GetString()
                    : null;
            }
            catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
            {
                // An index that cannot be read says nothing about the family; the folder is listed all the same.
            }

            var family = BaseModels.FromHuggingFace(identity.Id ?? string.Empty, Array.Empty<string>(), pipelineClass);
            return identity with
            {
                Type = identity.Type ?? ModelType.Checkpoint,
                BaseModel = identity.BaseModel is null or BaseModels.Unknown ? family : identity.BaseModel,
            };
        }
    }

    /// <summary>The callback form of the observer: models and progress only.</summary>
    private sealed class CallbackObserver(Action<InstalledModel> receive, IProgress<ScanProgress>? progress) : IScanObserver
    {
        public void Found(InstalledModel model) => receive(model);

        public void Progress(ScanProgress value) => progress?.Report(value);

        public void Warning(string text)
        {
        }

        public void Failed(ModelHubException exception)
        {
        }
    }
}
