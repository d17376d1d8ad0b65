using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// An equality index over one column of one table's rows, built from a snapshot of the rows in store order. Keys are
/// the values <see cref="QueryValues.Normalize"/> produces, compared with <see cref="QueryValueComparer"/>, so a
/// lookup finds exactly the rows an Equal condition would accept. It only selects candidates: callers still apply
/// the full filter. Rows whose value is not of the type the column's kind normally holds (which
/// <see cref="QueryValues.AreEqual"/> may still compare equal through its fallbacks) are returned with every lookup,
/// so no match is ever lost. Rows without a value are left out: Equal never matches null.
/// </summary>
internal sealed class EqualityIndex
{
    private readonly Entity[] _rows;
    private readonly Type _keyType;
    private readonly Dictionary<object, List<int>> _buckets = new(QueryValueComparer.Instance);
    private readonly List<int> _unindexed = [];

    private EqualityIndex(Entity[] rows, Type keyType)
    {
        _rows = rows;
        _keyType = keyType;
    }

    /// <summary>
    /// Indexes <paramref name="rows"/> (in store order) by <paramref name="column"/>; null when the column's kind is
    /// not indexed (multi-select choices compare as sets, floats and other kinds are left to the full scan).
    /// </summary>
    public static EqualityIndex? Build(IEnumerable<Entity> rows, string column, bool isPrimaryId, ColumnKind kind)
    {
        if (KeyTypeOf(kind) is not { } keyType)
        {
            return null;
        }

        var index = new EqualityIndex([.. rows], keyType);
        for (var position = 0; position < index._rows.Length; position++)
        {
            var key = QueryValues.Normalize(QueryValues.Read(index._rows[position], column, isPrimaryId));
            if (key is null)
            {
                continue;
            }

            if (key.GetType() != keyType)
            {
                index._unindexed.Add(position);
                continue;
            }

            if (!index._buckets.TryGetValue(key, out var bucket))
            {
                bucket = [];
                index._buckets.Add(key, bucket);
            }

            bucket.Add(position);
        }

        return index;
    }

    /// <summary>
    /// The rows that may equal <paramref name="value"/> (a condition value converted to the column's kind), in store
    /// order; null when the value is not of the indexed type, so the caller scans instead.
    /// </summary>
    public IReadOnlyCollection<Entity>? Lookup(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.GetType() != _keyType)
        {
            return null;
        }

        var bucket = _buckets.TryGetValue(value, out var found) ? found : [];
        return new Candidates(_rows, bucket, _unindexed);
    }

    private static Type? KeyTypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.String or ColumnKind.Memo or ColumnKind.EntityName => typeof(string),
        ColumnKind.Integer or ColumnKind.Picklist or ColumnKind.State or ColumnKind.Status => typeof(int),
        ColumnKind.BigInt => typeof(long),
        ColumnKind.Decimal or ColumnKind.Money => typeof(decimal),
        ColumnKind.Boolean => typeof(bool),
        ColumnKind.DateTime => typeof(DateTime),
        ColumnKind.Lookup or ColumnKind.Customer or ColumnKind.Owner or ColumnKind.Uniqueidentifier => typeof(Guid),
        _ => null,
    };

    /// <summary>A bucket merged with the unindexed rows by store position, so candidates keep the scan's order.</summary>
    private sealed class Candidates(Entity[] rows, List<int> bucket, List<int> unindexed) : IReadOnlyCollection<Entity>
    {
        public int Count => bucket.Count + unindexed.Count;

        public IEnumerator<Entity> GetEnumerator()
        {
            var i = 0;
            var j = 0;
            while (i < bucket.Count || j < unindexed.Count)
            {
                var takeBucket = j == unindexed.Count || (i < bucket.Count && bucket[i] < unindexed[j]);
                yield return rows[takeBucket ? bucket[i++] : unindexed[j++]];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
