using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>One commit of a repository, with every file of the repository as it stands there.</summary>
internal sealed class HfCommit
{
    private readonly SortedDictionary<string, HfFile> _files;

    private HfCommit(string id, string title, string message, DateTimeOffset date, string author, HfCommit? parent, SortedDictionary<string, HfFile> files, IReadOnlySet<string> changed)
    {
        Id = id;
        Title = title;
        Message = message;
        Date = date;
        Author = author;
        Parent = parent;
        _files = files;
        Changed = changed;
    }

    public string Id { get; }

    public string Title { get; }

    public string Message { get; }

    public DateTimeOffset Date { get; }

    /// <summary>The user who made it.</summary>
    public string Author { get; }

    public HfCommit? Parent { get; }

    /// <summary>Every file at this commit, by path in ordinal order.</summary>
    public IReadOnlyDictionary<string, HfFile> Files => _files;

    /// <summary>The paths this commit added or changed.</summary>
    public IReadOnlySet<string> Changed { get; }

    /// <summary>A first commit.</summary>
    public static HfCommit Initial(string id, string title, DateTimeOffset date, string author, IEnumerable<HfFile> files, string message = "") =>
        Build(id, title, message, date, author, null, new SortedDictionary<string, HfFile>(StringComparer.Ordinal), files);

    /// <summary>A commit on top of this one that adds or replaces <paramref name="changes"/>.</summary>
    public HfCommit Then(string id, string title, DateTimeOffset date, IEnumerable<HfFile> changes, string message = "") =>
        Build(id, title, message, date, Author, this, new SortedDictionary<string, HfFile>(_files, StringComparer.Ordinal), changes);

    /// <summary>This commit and its ancestors, newest first.</summary>
    public IEnumerable<HfCommit> History()
    {
        for (var commit = this; commit is not null; commit = commit.Parent)
        {
            yield return commit;
        }
    }

    /// <summary>The last commit, up to this one, that touched the file or anything in the folder at <paramref name="path"/>.</summary>
    public HfCommit LastCommitOf(string path) =>
        History().First(commit => commit.Changed.Any(changed => changed == path || changed.StartsWith(path + "/", StringComparison.Ordinal)));

    private static HfCommit Build(string id, string title, string message, DateTimeOffset date, string author, HfCommit? parent, SortedDictionary<string, HfFile> files, IEnumerable<HfFile> changes)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in changes)
        {
            files[file.Path] = file;
            changed.Add(file.Path);
        }

        return new HfCommit(id, title, message, date, author, parent, files, changed);
    }
}

/// <summary>A branch, tag or pull request and the commit it points at.</summary>
internal sealed record HfRef(string Name, string Ref, HfCommit Target);
