using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadQualifyExtensions.Emulator.Metadata;

/// <summary>
/// The tables one emulator knows: the standard catalog (<see cref="MetadataCatalog"/>, shared and immutable) plus the
/// user's own tables and columns (from a solution, a $metadata document or the table builder). The store,
/// the query engine and the metadata messages all ask this one model, so a custom table behaves as a standard one.
/// </summary>
public sealed partial class EmulatorSchema
{
    private readonly Dictionary<string, TableDefinition> _custom = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelationshipDefinition> _customRelationships = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ManyToManyDefinition> _manyToMany = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private Dictionary<string, RelationshipDefinition[]>? _referencing;

    internal EmulatorSchema()
    {
    }

    /// <summary>Grows with every change to this schema (RetrieveMetadataChanges reports it as the ServerVersionStamp).</summary>
    public long Version { get; private set; }

    /// <summary>The <see cref="Version"/> at which <paramref name="table"/> last changed; 0 for an unchanged standard table.</summary>
    public long VersionOf(string table) => _versions.GetValueOrDefault(table);

    /// <summary>Every table: standard ones (possibly extended with custom columns) and custom ones.</summary>
    public IEnumerable<TableDefinition> Tables =>
        _custom.Count == 0 ? MetadataCatalog.Tables : MetadataCatalog.Tables.Where(t => !_custom.ContainsKey(t.LogicalName)).Concat(_custom.Values);

    /// <summary>Every one-to-many relationship.</summary>
    public IEnumerable<RelationshipDefinition> Relationships =>
        _customRelationships.Count == 0 ? MetadataCatalog.Relationships : MetadataCatalog.Relationships.Concat(_customRelationships.Values);

    /// <summary>The table named <paramref name="logicalName"/>, or null.</summary>
    public TableDefinition? Find(string? logicalName) =>
        logicalName is not null && _custom.Count > 0 && _custom.TryGetValue(logicalName, out var custom) ? custom : MetadataCatalog.Find(logicalName);

    /// <summary>The relationship named <paramref name="schemaName"/> (case-insensitive), or null.</summary>
    public RelationshipDefinition? FindRelationship(string? schemaName) =>
        schemaName is not null && _customRelationships.TryGetValue(schemaName, out var custom) ? custom : MetadataCatalog.FindRelationship(schemaName);

    /// <summary>Relationships whose referenced ("one") side is <paramref name="table"/>: the rows that cascade from it.</summary>
    public IReadOnlyList<RelationshipDefinition> RelationshipsReferencing(string table)
    {
        if (_customRelationships.Count == 0)
        {
            return MetadataCatalog.RelationshipsReferencing(table);
        }

        _referencing ??= Relationships.GroupBy(r => r.ReferencedTable, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        return _referencing.TryGetValue(table, out var list) ? list : [];
    }

    /// <summary>
    /// Adds <paramref name="table"/>, or, when a table of that name exists, adds its columns to it (existing columns
    /// keep their definition); then adds <paramref name="relationships"/> whose tables and lookup columns exist.
    /// </summary>
    public void Add(TableDefinition table, IEnumerable<RelationshipDefinition>? relationships = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var existing = Find(table.LogicalName);
        _custom[table.LogicalName] = existing is null ? table : Merge(existing, table);
        Changed(table.LogicalName);
        foreach (var relationship in relationships ?? [])
        {
            AddRelationship(relationship);
        }

        foreach (var relationship in table.Relationships)
        {
            AddRelationship(relationship);
        }

        _referencing = null;
    }

    /// <summary>Adds a one-to-many relationship between known tables through a known lookup; others are ignored.</summary>
    public void AddRelationship(RelationshipDefinition relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        if (Find(relationship.ReferencedTable) is not null
            && Find(relationship.ReferencingTable) is { } referencing
            && referencing.Attributes.TryGetValue(relationship.ReferencingAttribute, out var lookup) && lookup.IsReference)
        {
            _customRelationships[relationship.SchemaName] = relationship;
            _referencing = null;
            Changed(relationship.ReferencedTable);
            Changed(relationship.ReferencingTable);
        }
    }

    /// <summary>Every many-to-many relationship (none among the standard tables the emulator has).</summary>
    public IEnumerable<ManyToManyDefinition> ManyToManyRelationships => _manyToMany.Values;

    /// <summary>The many-to-many relationship named <paramref name="schemaName"/> (case-insensitive), or null.</summary>
    public ManyToManyDefinition? FindManyToMany(string? schemaName) =>
        schemaName is not null && _manyToMany.TryGetValue(schemaName, out var relationship) ? relationship : null;

    /// <summary>Adds a many-to-many relationship between two known tables, and its intersect table; others are ignored.</summary>
    public void AddManyToMany(ManyToManyDefinition relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        if (Find(relationship.Entity1) is null || Find(relationship.Entity2) is null)
        {
            return;
        }

        _manyToMany[relationship.SchemaName] = relationship;
        if (Find(relationship.IntersectEntity) is null)
        {
            Add(relationship.IntersectTable());
        }

        Changed(relationship.Entity1);
        Changed(relationship.Entity2);
    }

    /// <summary>
    /// Describes your own table <paramref name="logicalName"/> with <paramref name="build"/>, or adds the columns
    /// <paramref name="build"/> describes to the existing table of that name (a standard one included).
    /// </summary>
    public EmulatorSchema Table(string logicalName, Action<SchemaTableBuilder> build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        ArgumentNullException.ThrowIfNull(build);
        var builder = new SchemaTableBuilder(logicalName);
        build(builder);
        var existing = Find(logicalName);
        Add(existing is null ? builder.BuildNew() : builder.BuildColumns(existing));
        foreach (var relationship in builder.ManyToManyRelationships)
        {
            AddManyToMany(relationship);
        }

        return this;
    }

    private void Changed(string table) => _versions[table] = ++Version;

    private static TableDefinition Merge(TableDefinition existing, TableDefinition added)
    {
        var columns = existing.AttributeList.Concat(added.AttributeList.Where(a => !existing.Attributes.ContainsKey(a.LogicalName))).ToArray();
        return new TableDefinition(
            existing.LogicalName, existing.PrimaryIdAttribute, existing.PrimaryNameAttribute, existing.Ownership, existing.DisplayName,
            columns, existing.Relationships)
        {
            SchemaName = existing.SchemaName,
            EntitySetName = existing.EntitySetName,
            DisplayCollectionName = existing.DisplayCollectionName,
            IsCustomEntity = existing.IsCustomEntity,
        };
    }
}
