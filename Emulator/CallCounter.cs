using System;
using System.Collections.Generic;

namespace LeadQualifyExtensions.Emulator;

/// <summary>How often each message went through the dispatch point (nested calls included).</summary>
public sealed class CallCounter
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Calls of <paramref name="messageName"/> (0 when never called).</summary>
    public int this[string messageName] => _counts.TryGetValue(messageName, out var count) ? count : 0;

    /// <summary>All calls of all messages.</summary>
    public int Total { get; private set; }

    /// <summary>Forgets all counts.</summary>
    public void Reset()
    {
        _counts.Clear();
        Total = 0;
    }

    internal void Increment(string messageName)
    {
        _counts[messageName] = this[messageName] + 1;
        Total++;
    }
}
