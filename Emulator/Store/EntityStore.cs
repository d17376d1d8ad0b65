using System;
using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Store;

/// <summary>
/// In-memory rows per table with an undo journal. Rows handed out by <see cref="Get"/> and <see cref="Rows"/> are the
/// stored objects (for the emulator's own read paths and the query engine, which never mutate them); everything
/// returned to callers outside the emulator is cloned by the message handlers.
/// </summary>
internal sealed class EntityStore : IQuerySource
{
    private readonly Dictionary<string, OrderedDictionary<Guid, Entity>> _tables = new(StringComparer.Ordinal);

    /// <summary>A store over the standard tables only.</summary>
    public EntityStore()
        : this(new EmulatorSchema())
    {
    }

    internal EntityStore(EmulatorSchema schema)
    {
        Schema = schema;
    }

    /// <summary>The tables this store accepts (the emulator's schema).</summary>
    public EmulatorSchema Schema { get; }
    private readonly List<UndoEntry> _journal = [];
    private readonly SharedValues _values = new();
    private readonly Stack<StoreTransaction> _open = new();

    // Equality indexes per table, then column (null: the column's kind is not indexed); kept up to date by every write
    // and undo, so a query's cost does not grow with the table once its index exists.
    private readonly Dictionary<string, Dictionary<string, EqualityIndex?>> _indexes = new(StringComparer.Ordinal);

    // Columns asked for once. An index costs more to build than one scan, so it is built on the second ask: a one-off
    // query never pays for it.
    private readonly Dictionary<string, HashSet<string>> _asked = new(StringComparer.Ordinal);

    /// <summary>Number of open (nested) transaction scopes.</summary>
    public int Depth => _open.Count;

    /// <summary>The innermost open scope, or null outside any transaction.</summary>
    public StoreTransaction? Current => _open.Count == 0 ? null : _open.Peek();

    /// <summary>Opens a (nested) transaction scope; dispose without <see cref="StoreTransaction.Commit"/> to roll back.</summary>
    public StoreTransaction Begin()
    {
        var transaction = new StoreTransaction(this, _journal.Count, _open.Count + 1);
        _open.Push(transaction);
        return transaction;
    }

    /// <summary>The stored row, or null. Do not mutate it.</summary>
    public Entity? Get(string table, Guid id) =>
        _tables.TryGetValue(table, out var rows) && rows.TryGetValue(id, out var row) ? row : null;

    /// <summary>True when the row exists.</summary>
    public bool Exists(string table, Guid id) => Get(table, id) is not null;

    /// <summary>Adds a row (the store takes ownership of <paramref name="row"/>).</summary>
    public void Insert(Entity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        DropNulls(row);
        _values.Share(row);
        Table(row.LogicalName).Add(row.Id, row);
        IndexAdd(row, appended: true);
        Record(new UndoEntry(UndoKind.Inserted, row.LogicalName, row.Id, null, -1));
    }

    /// <summary>Replaces an existing row (the store takes ownership of <paramref name="row"/>).</summary>
    public void Replace(Entity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        DropNulls(row);
        _values.Share(row);
        var rows = Table(row.LogicalName);
        var previous = rows[row.Id];
        rows[row.Id] = row;
        IndexRemove(previous);
        IndexAdd(row, appended: false);
        Record(new UndoEntry(UndoKind.Replaced, row.LogicalName, row.Id, previous, -1));
    }

    // Dataverse stores no value for a column set to null: Retrieve, queries and images leave such a column out, so
    // Contains(column) is false afterwards (a column is present only with a value).
    private static void DropNulls(Entity row)
    {
        List<string>? empty = null;
        foreach (var pair in row.Attributes)
        {
            if (pair.Value is null)
            {
                (empty ??= []).Add(pair.Key);
            }
        }

        foreach (var key in empty ?? [])
        {
            row.Attributes.Remove(key);
        }
    }

    /// <summary>Removes a row; returns false when it does not exist.</summary>
    public bool Remove(string table, Guid id)
    {
        if (!_tables.TryGetValue(table, out var rows))
        {
            return false;
        }

        var index = rows.IndexOf(id);
        if (index < 0)
        {
            return false;
        }

        var previous = rows.GetAt(index).Value;
        rows.RemoveAt(index);
        IndexRemove(previous);
        Record(new UndoEntry(UndoKind.Removed, table, id, previous, index));
        return true;
    }

    /// <summary>Number of rows in <paramref name="table"/>.</summary>
    public int Count(string table) => _tables.TryGetValue(table, out var rows) ? rows.Count : 0;

    /// <inheritdoc />
    public IEnumerable<Entity> Rows(string table) =>
        _tables.TryGetValue(table, out var rows) ? rows.Values : [];

    /// <inheritdoc />
    public IEnumerable<Entity>? RowsWhereEqual(string table, string column, object value)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(value);
        if (!_tables.TryGetValue(table, out var rows))
        {
            return null;
        }

        if (value is Guid id && Schema.Find(table) is { } definition && string.Equals(column, definition.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase))
        {
            // The table is keyed by its primary id; a stored primary id column always equals the row's Id.
            return rows.TryGetValue(id, out var row) ? [row] : [];
        }

        if (!_indexes.TryGetValue(table, out var columns))
        {
            columns = new Dictionary<string, EqualityIndex?>(StringComparer.Ordinal);
            _indexes.Add(table, columns);
        }

        if (!columns.TryGetValue(column, out var index))
        {
            if (!_asked.TryGetValue(table, out var asked))
            {
                asked = new HashSet<string>(StringComparer.Ordinal);
                _asked.Add(table, asked);
            }

            if (asked.Add(column))
            {
                return null;
            }

            index = BuildIndex(table, column);
            columns.Add(column, index);
        }

        return index?.Lookup(value, rows);
    }

    /// <inheritdoc />
    public bool TableExists(string table) => Schema.Find(table) is not null;

    /// <inheritdoc />
    public string PrimaryIdAttribute(string table) =>
        (Schema.Find(table) ?? throw Faults.UnknownTable(table, Schema)).PrimaryIdAttribute;

    /// <inheritdoc />
    public ColumnKind? ColumnKindOf(string table, string column) =>
        Schema.Find(table) is { } definition && definition.Attributes.TryGetValue(column, out var attribute) ? attribute.Type : null;

    internal void Complete(StoreTransaction transaction, bool commit)
    {
        if (_open.Count == 0 || !ReferenceEquals(_open.Peek(), transaction))
        {
            throw new InvalidOperationException("Transaction scopes must be completed innermost first.");
        }

        _open.Pop();
        if (!commit)
        {
            Undo(transaction.Mark);
        }
        else if (_open.Count == 0)
        {
            // Outermost commit: nothing can roll these entries back any more.
            _journal.Clear();
        }
    }

    private void IndexAdd(Entity row, bool appended)
    {
        if (_indexes.TryGetValue(row.LogicalName, out var columns))
        {
            foreach (var index in columns.Values)
            {
                index?.Add(row, appended);
            }
        }
    }

    private void IndexRemove(Entity row)
    {
        if (_indexes.TryGetValue(row.LogicalName, out var columns))
        {
            foreach (var index in columns.Values)
            {
                index?.Remove(row);
            }
        }
    }

    private EqualityIndex? BuildIndex(string table, string column)
    {
        if (Schema.Find(table) is not { } definition)
        {
            return null;
        }

        // Same kind and primary-id fallback as the query engine uses when it reads the column.
        var isPrimaryId = string.Equals(column, definition.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase);
        var kind = ColumnKindOf(table, column) ?? (isPrimaryId ? ColumnKind.Uniqueidentifier : null);
        return kind is null ? null : EqualityIndex.Build(Rows(table), column, isPrimaryId, kind.Value);
    }

    private void Undo(int mark)
    {
        for (var i = _journal.Count - 1; i >= mark; i--)
        {
            var entry = _journal[i];
            var rows = Table(entry.Table);
            switch (entry.Kind)
            {
                case UndoKind.Inserted:
                    IndexRemove(rows[entry.Id]);
                    rows.Remove(entry.Id);
                    break;
                case UndoKind.Replaced:
                    IndexRemove(rows[entry.Id]);
                    rows[entry.Id] = entry.Previous!;
                    IndexAdd(entry.Previous!, appended: false);
                    break;
                case UndoKind.Removed:
                    rows.Insert(Math.Min(entry.Index, rows.Count), entry.Id, entry.Previous!);
                    IndexAdd(entry.Previous!, appended: false);
                    break;
            }
        }

        _journal.RemoveRange(mark, _journal.Count - mark);
    }

    private void Record(UndoEntry entry)
    {
        // Outside any scope (seeding) there is nothing to roll back to.
        if (_open.Count > 0)
        {
            _journal.Add(entry);
        }
    }

    private OrderedDictionary<Guid, Entity> Table(string table)
    {
        if (!_tables.TryGetValue(table, out var rows))
        {
            rows = [];
            _tables.Add(table, rows);
        }

        return rows;
    }

    private enum UndoKind
    {
        Inserted,
        Replaced,
        Removed,
    }

    private readonly record struct UndoEntry(UndoKind Kind, string Table, Guid Id, Entity? Previous, int Index);
}

/// <summary>
/// A (nested) transaction scope over the store. Commit keeps the changes (an inner commit keeps them only as long as
/// the outer scope commits too); Rollback or Dispose without Commit restores the state at <see cref="EntityStore.Begin"/>.
/// </summary>
internal sealed class StoreTransaction : IDisposable
{
    private readonly EntityStore _store;
    private bool _completed;

    internal StoreTransaction(EntityStore store, int mark, int level)
    {
        _store = store;
        Mark = mark;
        Level = level;
    }

    /// <summary>Nesting level: 1 for the outermost scope.</summary>
    public int Level { get; }

    internal int Mark { get; }

    /// <summary>Keeps the changes made since the scope began.</summary>
    public void Commit() => Complete(commit: true);

    /// <summary>Undoes the changes made since the scope began.</summary>
    public void Rollback() => Complete(commit: false);

    /// <summary>Rolls back unless committed.</summary>
    public void Dispose()
    {
        if (!_completed)
        {
            Complete(commit: false);
        }
    }

    private void Complete(bool commit)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The transaction scope is already completed.");
        }

        _completed = true;
        _store.Complete(this, commit);
    }
}
