using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// An equality index over one column of one table, kept up to date by the store on every write and undo. Keys are the
/// values <see cref="QueryValues.Normalize"/> produces, compared with <see cref="QueryValueComparer"/>, so a lookup
/// finds exactly the rows an Equal condition would accept. It only selects candidates: callers still apply the full
/// filter. Rows whose value is not of the type the column's kind normally holds (which <see cref="QueryValues.AreEqual"/>
/// may still compare equal through its fallbacks) are returned with every lookup, so no match is ever lost. Rows without
/// a value are left out: Equal never matches null. The index holds ids; rows are read from the table at lookup time.
/// </summary>
internal sealed class EqualityIndex
{
    private readonly string _column;
    private readonly bool _isPrimaryId;
    private readonly Type _keyType;
    private readonly Dictionary<object, Bucket> _buckets = new(QueryValueComparer.Instance);
    private readonly Bucket _unindexed = new();

    private EqualityIndex(string column, bool isPrimaryId, Type keyType)
    {
        _column = column;
        _isPrimaryId = isPrimaryId;
        _keyType = keyType;
    }

    /// <summary>
    /// Indexes <paramref name="rows"/> (in store order) by <paramref name="column"/>; null when the column's kind is
    /// not indexed (multi-select choices compare as sets, floats and other kinds are left to the full scan).
    /// </summary>
    public static EqualityIndex? Build(IEnumerable<Entity> rows, string column, bool isPrimaryId, ColumnKind kind)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (KeyTypeOf(kind) is not { } keyType)
        {
            return null;
        }

        var index = new EqualityIndex(column, isPrimaryId, keyType);
        foreach (var row in rows)
        {
            index.Add(row, appended: true);
        }

        return index;
    }

    /// <summary>
    /// Adds <paramref name="row"/>; <paramref name="appended"/> says it is the last row of the table (a new row), so
    /// buckets stay in store order without sorting.
    /// </summary>
    public void Add(Entity row, bool appended)
    {
        if (BucketOf(row, create: true) is { } bucket)
        {
            bucket.Add(row.Id, appended);
        }
    }

    /// <summary>Removes <paramref name="row"/> (as stored when it was added).</summary>
    public void Remove(Entity row)
    {
        var key = KeyOf(row);
        if (key is null)
        {
            return;
        }

        if (key.GetType() != _keyType)
        {
            _unindexed.Remove(row.Id);
        }
        else if (_buckets.TryGetValue(key, out var bucket) && bucket.Remove(row.Id) && bucket.Count == 0)
        {
            _buckets.Remove(key);
        }
    }

    /// <summary>
    /// The rows that may equal <paramref name="value"/> (a condition value converted to the column's kind), in store
    /// order as <paramref name="rows"/> holds them; null when the value is not of the indexed type, so the caller scans.
    /// </summary>
    public IReadOnlyCollection<Entity>? Lookup(object value, OrderedDictionary<Guid, Entity> rows)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(rows);
        if (value.GetType() != _keyType)
        {
            return null;
        }

        var bucket = _buckets.TryGetValue(value, out var found) ? found : null;
        if (_unindexed.Count == 0)
        {
            return bucket is null ? [] : bucket.InStoreOrder(rows);
        }

        var merged = new Bucket();
        foreach (var id in _unindexed.Ids)
        {
            merged.Add(id, appended: false);
        }

        foreach (var id in bucket?.Ids ?? [])
        {
            merged.Add(id, appended: false);
        }

        return merged.InStoreOrder(rows);
    }

    private Bucket? BucketOf(Entity row, bool create)
    {
        var key = KeyOf(row);
        if (key is null)
        {
            return null;
        }

        if (key.GetType() != _keyType)
        {
            return _unindexed;
        }

        if (!_buckets.TryGetValue(key, out var bucket) && create)
        {
            bucket = new Bucket();
            _buckets.Add(key, bucket);
        }

        return bucket;
    }

    private object? KeyOf(Entity row) => QueryValues.Normalize(QueryValues.Read(row, _column, _isPrimaryId));

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

    /// <summary>The ids of one key. Most keys hold one row, so the first id needs no list.</summary>
    private sealed class Bucket
    {
        private Guid _first;
        private List<Guid>? _more;
        private bool _unsorted;

        public int Count { get; private set; }

        public IEnumerable<Guid> Ids
        {
            get
            {
                if (Count > 0)
                {
                    yield return _first;
                }

                if (_more is not null)
                {
                    foreach (var id in _more)
                    {
                        yield return id;
                    }
                }
            }
        }

        public void Add(Guid id, bool appended)
        {
            if (Count == 0)
            {
                _first = id;
            }
            else
            {
                (_more ??= []).Add(id);
                _unsorted |= !appended;
            }

            Count++;
        }

        public bool Remove(Guid id)
        {
            if (Count == 0)
            {
                return false;
            }

            if (_first == id)
            {
                if (_more is { Count: > 0 })
                {
                    // Keeps the order: the next id moves up.
                    _first = _more[0];
                    _more.RemoveAt(0);
                }

                Count--;
                return true;
            }

            if (_more is not null && _more.Remove(id))
            {
                Count--;
                return true;
            }

            return false;
        }

        /// <summary>The rows, sorted by their position in the table when an out-of-order add made that necessary.</summary>
        public IReadOnlyCollection<Entity> InStoreOrder(OrderedDictionary<Guid, Entity> rows)
        {
            if (_unsorted && _more is not null)
            {
                var all = new List<Guid>(Count) { _first };
                all.AddRange(_more);
                all.Sort((a, b) => rows.IndexOf(a).CompareTo(rows.IndexOf(b)));
                _first = all[0];
                all.RemoveAt(0);
                _more = all;
                _unsorted = false;
            }

            return new Rows(this, rows);
        }

        private sealed class Rows(Bucket bucket, OrderedDictionary<Guid, Entity> rows) : IReadOnlyCollection<Entity>
        {
            public int Count => bucket.Count;

            public IEnumerator<Entity> GetEnumerator()
            {
                foreach (var id in bucket.Ids)
                {
                    if (rows.TryGetValue(id, out var row))
                    {
                        yield return row;
                    }
                }
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
