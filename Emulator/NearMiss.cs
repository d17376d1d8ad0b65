using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadQualifyExtensions.Emulator;

/// <summary>"Did you mean …" for a mistyped table, column or message name: the closest known names by edit distance.</summary>
internal static class NearMiss
{
    /// <summary>Up to three known names within a small edit distance of <paramref name="name"/> (case ignored), closest first.</summary>
    public static IReadOnlyList<string> Find(string? name, IEnumerable<string> known)
    {
        if (string.IsNullOrEmpty(name))
        {
            return [];
        }

        // One typo per three characters, at least one and at most three: "acount" finds account, "x" finds nothing long.
        var limit = Math.Clamp(name.Length / 3, 1, 3);
        return known
            .Where(candidate => !string.Equals(candidate, name, StringComparison.Ordinal))
            .Select(candidate => (Candidate: candidate, Distance: Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(pair => pair.Distance <= limit)
            .OrderBy(pair => pair.Distance)
            .ThenBy(pair => pair.Candidate, StringComparer.Ordinal)
            .Select(pair => pair.Candidate)
            .Distinct(StringComparer.Ordinal)
            .Take(3)
            .ToList();
    }

    /// <summary>" Did you mean 'a' or 'b'?" (leading space), or empty when nothing is close.</summary>
    public static string Hint(string? name, IEnumerable<string> known)
    {
        var close = Find(name, known);
        return close.Count == 0 ? string.Empty : " Did you mean " + string.Join(" or ", close.Select(c => "'" + c + "'")) + "?";
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours ("Updaet") cost 1.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
