using System.Collections.Generic;
using System.Linq;

namespace ModelHub.Downloads;

/// <summary>
/// The parts of one download in file order, shared by its connections, its hasher and its checkpoints.
/// Every read and change of a part's progress goes through this lock.
/// </summary>
internal sealed class PartTable
{
    private readonly object _gate = new();
    private readonly List<DownloadPart> _parts;

    public PartTable(IEnumerable<DownloadPart> parts, long? totalSize)
    {
        _parts = parts.OrderBy(p => p.From).ToList();
        TotalSize = totalSize;
    }

    /// <summary>The file's size; null until a response tells it (a file the hub gave no size for).</summary>
    public long? TotalSize { get; private set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _parts.Count;
            }
        }
    }

    /// <summary>Bytes of the file in the staging file, over all parts.</summary>
    public long BytesDone
    {
        get
        {
            lock (_gate)
            {
                return _parts.Sum(p => p.Done);
            }
        }
    }

    public bool IsComplete
    {
        get
        {
            lock (_gate)
            {
                return _parts.All(p => p.IsComplete);
            }
        }
    }

    /// <summary>Parts that still lack bytes: more connections than this cannot help.</summary>
    public int IncompleteCount
    {
        get
        {
            lock (_gate)
            {
                return _parts.Count(p => !p.IsComplete);
            }
        }
    }

    /// <summary>The first part in file order that no connection has taken and that still lacks bytes; null when none is left.</summary>
    public DownloadPart? TakeNext()
    {
        lock (_gate)
        {
            var part = _parts.FirstOrDefault(p => !p.Taken && !p.IsComplete);
            if (part is not null)
            {
                part.Taken = true;
            }

            return part;
        }
    }

    /// <summary>Records <paramref name="count"/> more bytes written at the end of <paramref name="part"/>.</summary>
    public void Advance(DownloadPart part, int count)
    {
        lock (_gate)
        {
            part.Done += count;
        }
    }

    /// <summary>Sets the size once a response tells it: the open-ended last part now ends there.</summary>
    public void SetTotalSize(long totalSize)
    {
        lock (_gate)
        {
            TotalSize = totalSize;
            var last = _parts[_parts.Count - 1];
            last.To ??= totalSize - 1;
        }
    }

    /// <summary>
    /// The end of the bytes written without a gap from <paramref name="offset"/> (an offset the caller already
    /// knows to be written up to): the point a sequential hash can advance to.
    /// </summary>
    public long ContiguousEnd(long offset)
    {
        lock (_gate)
        {
            var end = offset;
            foreach (var part in _parts)
            {
                if (part.From > end)
                {
                    break;
                }

                if (part.Next > end)
                {
                    end = part.Next;
                }

                if (!part.IsComplete)
                {
                    break;
                }
            }

            return end;
        }
    }

    /// <summary>Whether <paramref name="offset"/> lies in <paramref name="part"/>'s written bytes or right at their end.</summary>
    public bool Reaches(DownloadPart part, long offset)
    {
        lock (_gate)
        {
            return part.From <= offset && offset <= part.Next;
        }
    }

    /// <summary>Copies of the parts as they are now, for the state file.</summary>
    public IReadOnlyList<DownloadPart> Snapshot()
    {
        lock (_gate)
        {
            return _parts.Select(p => new DownloadPart(p.From, p.To, p.Done)).ToList();
        }
    }
}
