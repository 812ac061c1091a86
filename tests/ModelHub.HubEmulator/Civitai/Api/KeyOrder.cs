using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>
/// A listing order by a tuple of numbers, all compared in one direction, and the positions of cursors in it:
/// a cursor is a (prefix of a) tuple, written out by the endpoint in its own format.
/// </summary>
internal sealed class KeyOrder<T>
{
    private readonly Func<T, long[]> _key;
    private readonly int _direction;

    public KeyOrder(Func<T, long[]> key, bool descending)
    {
        _key = key;
        _direction = descending ? -1 : 1;
    }

    public long[] Key(T item) => _key(item);

    public List<T> Sort(IEnumerable<T> items) =>
        items.Select(item => (Item: item, Key: _key(item))).Order(Comparer<(T Item, long[] Key)>.Create((a, b) => Compare(a.Key, b.Key))).Select(pair => pair.Item).ToList();

    /// <summary>Where a cursor points: the first item at it (<paramref name="inclusive"/>) or after it.</summary>
    public int Position(IReadOnlyList<T> sorted, long[] cursor, bool inclusive)
    {
        for (var i = 0; i < sorted.Count; i++)
        {
            var comparison = Compare(_key(sorted[i]), cursor);
            if (comparison > 0 || (inclusive && comparison == 0))
            {
                return i;
            }
        }

        return sorted.Count;
    }

    /// <summary>Negative when <paramref name="a"/> comes first; compares as many parts as both have.</summary>
    private int Compare(long[] a, long[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var comparison = a[i].CompareTo(b[i]);
            if (comparison != 0)
            {
                return comparison * _direction;
            }
        }

        return 0;
    }
}
