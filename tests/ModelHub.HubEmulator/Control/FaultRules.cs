using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ModelHub.HubEmulator.Control;

/// <summary>The fault rules of one origin, in the order they were added.</summary>
public sealed class FaultRules
{
    private readonly List<FaultRule> _rules = new();
    private int _nextId;

    public string Add(FaultRule rule)
    {
        rule.Id = "fault-" + Interlocked.Increment(ref _nextId);
        lock (_rules)
        {
            _rules.Add(rule);
        }

        return rule.Id;
    }

    public void Clear()
    {
        lock (_rules)
        {
            _rules.Clear();
        }
    }

    public IReadOnlyList<FaultRule> Snapshot()
    {
        lock (_rules)
        {
            return _rules.ToArray();
        }
    }

    /// <summary>The rules that may act on this request, oldest first.</summary>
    public IReadOnlyList<FaultRule> Matching(string method, string path)
    {
        lock (_rules)
        {
            return _rules.Where(rule => !rule.IsExhausted && rule.Matches(method, path)).ToArray();
        }
    }
}
