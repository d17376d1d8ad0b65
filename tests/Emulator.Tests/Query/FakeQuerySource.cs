using System;
using System.Collections.Generic;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

/// <summary>An in-test <see cref="IQuerySource"/>: tables as dictionaries, independent of the emulator's store.</summary>
internal sealed class FakeQuerySource : IQuerySource
{
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);

    public int RowsCalls { get; private set; }

    /// <summary>Rows handed out by <see cref="Rows"/> so far (a query that stops early reads fewer).</summary>
    public int RowsRead { get; private set; }

    public FakeQuerySource AddTable(string name, string primaryId, params (string Column, ColumnKind Kind)[] columns)
    {
        var table = new Table(primaryId);
        table.Columns[primaryId] = ColumnKind.Uniqueidentifier;
        foreach (var (column, kind) in columns)
        {
            table.Columns[column] = kind;
        }

        _tables[name] = table;
        return this;
    }

    public Entity AddRow(string table, Guid id, params (string Column, object? Value)[] values)
    {
        var entity = new Entity(table, id);
        entity[_tables[table].PrimaryId] = id;
        foreach (var (column, value) in values)
        {
            if (value is not null)
            {
                entity[column] = value;
            }
        }

        _tables[table].Rows.Add(entity);
        return entity;
    }

    public bool TableExists(string table) => _tables.ContainsKey(table);

    public string PrimaryIdAttribute(string table) =>
        _tables.TryGetValue(table, out var found)
            ? found.PrimaryId
            : throw new FaultException<OrganizationServiceFault>(new OrganizationServiceFault { Message = table });

    public ColumnKind? ColumnKindOf(string table, string column) =>
        _tables.TryGetValue(table, out var found) && found.Columns.TryGetValue(column, out var kind) ? kind : null;

    public IEnumerable<Entity> Rows(string table)
    {
        RowsCalls++;
        return Counted(_tables[table].Rows);
    }

    private IEnumerable<Entity> Counted(List<Entity> rows)
    {
        foreach (var row in rows)
        {
            RowsRead++;
            yield return row;
        }
    }

    private sealed class Table(string primaryId)
    {
        public string PrimaryId { get; } = primaryId;

        public Dictionary<string, ColumnKind> Columns { get; } = new(StringComparer.Ordinal);

        public List<Entity> Rows { get; } = [];
    }
}
