using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModelHub.Installs;
using ModelHub.IO;
using ModelHub.Resources;

namespace ModelHub.Library;

/// <summary>
/// What a scan keeps in the state folder's library/ so the next one repeats no work: each file's SHA-256 and header
/// facts keyed by (path, size, last-write time), and what the hubs answered about each hash. A file that cannot be
/// read is rebuilt (a warning); one that cannot be written costs the next scan time, nothing else.
/// </summary>
internal abstract class LibraryState<T>
    where T : class, new()
{
    private readonly string _path;

    protected LibraryState(string path, T data)
    {
        _path = path;
        Data = data;
    }

    protected T Data { get; }

    /// <summary>Set when the data changed since it was read, so an unchanged state is not written again.</summary>
    protected bool Changed { get; set; }

    protected static T LoadData(string path, Action<string> warning)
    {
        if (!File.Exists(path))
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), StoredJson.Record) ?? new T();
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            warning(Text.Format(Messages.LibraryCacheUnreadable, path, exception.Message));
            return new T();
        }
    }

    public void Save(Action<string> warning)
    {
        if (!Changed)
        {
            return;
        }

        try
        {
            string text;
            lock (Data)
            {
                text = JsonSerializer.Serialize(Data, StoredJson.Record);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            AtomicFile.WriteAllText(_path, text);
        }
        catch (Exception exception) when (AtomicFile.IsWriteFailure(exception))
        {
            warning(Text.Format(Messages.LibraryCacheNotWritten, _path, exception.Message));
        }
    }
}

/// <summary>One file's cached facts, valid while its size and last-write time are unchanged.</summary>
internal sealed class CachedFile
{
    public long Size { get; set; }

    /// <summary>Last-write time in UTC ticks.</summary>
    public long Modified { get; set; }

    public string? Sha256 { get; set; }

    /// <summary>Whether the safetensors header was read (Header null then means it has none worth keeping).</summary>
    public bool HeaderRead { get; set; }

    public HeaderFacts? Header { get; set; }
}

/// <summary>The hash cache: library/hashes.json.</summary>
internal sealed class HashCache : LibraryState<HashCache.Contents>
{
    public const string FileName = "hashes.json";

    private HashCache(string path, Contents data)
        : base(path, data)
    {
    }

    public static HashCache Load(string folder, Action<string> warning)
    {
        var path = Path.Combine(folder, FileName);
        return new HashCache(path, LoadData(path, warning));
    }

    /// <summary>The cached facts of the entry, or null when there are none or the file changed since.</summary>
    public CachedFile? Get(FoundEntry entry)
    {
        lock (Data)
        {
            return Data.Files.TryGetValue(entry.Path, out var cached) && cached.Size == entry.Size && cached.Modified == entry.LastWriteUtc.Ticks ? cached : null;
        }
    }

    /// <summary>Updates (or starts anew, when the file changed) the entry's cached facts.</summary>
    public void Put(FoundEntry entry, Action<CachedFile> update)
    {
        lock (Data)
        {
            if (!Data.Files.TryGetValue(entry.Path, out var cached) || cached.Size != entry.Size || cached.Modified != entry.LastWriteUtc.Ticks)
            {
                Data.Files[entry.Path] = cached = new CachedFile { Size = entry.Size, Modified = entry.LastWriteUtc.Ticks };
            }

            update(cached);
            Changed = true;
        }
    }

    /// <summary>Drops the files under the scanned folders that the scan no longer found (deleted or moved).</summary>
    public void ForgetMissing(IReadOnlyCollection<string> scannedFolders, ISet<string> found)
    {
        lock (Data)
        {
            var prefixes = scannedFolders.Select(LibraryFolders.Prefix).ToList();
            foreach (var path in Data.Files.Keys.Where(path => !found.Contains(path) && prefixes.Any(prefix => path.StartsWith(prefix, LibraryFolders.PathComparison))).ToList())
            {
                Changed |= Data.Files.Remove(path);
            }
        }
    }

    internal sealed class Contents
    {
        public int SchemaVersion { get; set; } = 1;

        [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
        public Dictionary<string, CachedFile> Files { get; } = new(LibraryFolders.PathComparer);
    }
}

/// <summary>What the hubs said about a hash: the file they know it as, or nothing (with the date they said so).</summary>
internal sealed class RememberedLookup
{
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>Null: no hub knows the hash.</summary>
    public Identity? Match { get; set; }
}

/// <summary>
/// The lookup memory: library/lookups.json. A hash no hub knows is remembered with the date, and asked about again
/// after <see cref="NotFoundKeptFor"/> or with -Refresh; a hash found is remembered until -Refresh. An outage is never
/// written here (the scanner only remembers answers).
/// </summary>
internal sealed class LookupMemory : LibraryState<LookupMemory.Contents>
{
    public const string FileName = "lookups.json";

    /// <summary>How long "not on any hub" holds before the hubs are asked again (files get uploaded later).</summary>
    public static readonly TimeSpan NotFoundKeptFor = TimeSpan.FromDays(30);

    private LookupMemory(string path, Contents data)
        : base(path, data)
    {
    }

    public static LookupMemory Load(string folder, Action<string> warning)
    {
        var path = Path.Combine(folder, FileName);
        return new LookupMemory(path, LoadData(path, warning));
    }

    /// <summary>The answer remembered for the hash and still good at <paramref name="now"/>; null to ask again.</summary>
    public RememberedLookup? Get(string sha256, DateTimeOffset now)
    {
        lock (Data)
        {
            return Data.Hashes.TryGetValue(sha256, out var remembered) && (remembered.Match is not null || now - remembered.CheckedAt < NotFoundKeptFor) ? remembered : null;
        }
    }

    public void Remember(string sha256, Identity? match, DateTimeOffset now)
    {
        lock (Data)
        {
            Data.Hashes[sha256] = new RememberedLookup { CheckedAt = now, Match = match };
            Changed = true;
        }
    }

    internal sealed class Contents
    {
        public int SchemaVersion { get; set; } = 1;

        [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
        public Dictionary<string, RememberedLookup> Hashes { get; } = new(StringComparer.Ordinal);
    }
}
