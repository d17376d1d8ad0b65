using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Metadata.Tables;

namespace LeadQualifyExtensions.Emulator.Metadata;

/// <summary>
/// The standard tables, built once per process and shared by every emulator (immutable): lead, account and contact
/// generated from Microsoft's table/column reference (<see cref="ReferenceTables"/>), the other tables the lead
/// lifecycle touches declared in <c>Metadata/Tables</c>.
/// </summary>
internal static class MetadataCatalog
{
    private static readonly FrozenDictionary<string, TableDefinition> TableMap;
    private static readonly FrozenDictionary<string, RelationshipDefinition[]> ReferencingMap;
    private static readonly FrozenDictionary<string, RelationshipDefinition> RelationshipMap;

#pragma warning disable CA1810 // One static constructor keeps the three indexes consistent.
    static MetadataCatalog()
#pragma warning restore CA1810
    {
        var generated = ReferenceTables.Load();
        var tables = new List<TableDefinition>();
        var documented = new List<RelationshipDefinition>();
        foreach (var (table, relationships) in generated)
        {
            tables.Add(table);
            documented.AddRange(relationships);
        }

        documented.AddRange(Opportunity.Relationships);
        documented.AddRange(ReferenceSupplements.Relationships);

        tables.AddRange(
        [
            UserSettings.Definition, Organization.Definition,
            AsyncOperation.Definition, SdkMessageProcessingStep.Definition,
            PrincipalObjectAccess.Definition,
        ]);
        TableMap = Index(tables);

        // Documented relationships first (a page also lists those whose lookup sits on another table), then the
        // declared ones; one per schema name, and only between known tables through a known lookup column.
        var all = new List<RelationshipDefinition>(documented);
        foreach (var table in tables)
        {
            all.AddRange(table.Relationships);
        }

        var referencing = new Dictionary<string, List<RelationshipDefinition>>(StringComparer.Ordinal);
        var bySchema = new Dictionary<string, RelationshipDefinition>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<(string, string, string)>();
        foreach (var relationship in all)
        {
            if (!Connects(relationship) || !bySchema.TryAdd(relationship.SchemaName, relationship)
                || !seen.Add((relationship.ReferencedTable, relationship.ReferencingTable, relationship.ReferencingAttribute)))
            {
                continue;
            }

            if (!referencing.TryGetValue(relationship.ReferencedTable, out var list))
            {
                list = [];
                referencing.Add(relationship.ReferencedTable, list);
            }

            list.Add(relationship);
        }

        ReferencingMap = Freeze(referencing);
        RelationshipMap = bySchema.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every known table.</summary>
    public static IEnumerable<TableDefinition> Tables => TableMap.Values;

    /// <summary>The table named <paramref name="logicalName"/>, or null.</summary>
    public static TableDefinition? Find(string? logicalName) =>
        logicalName is not null && TableMap.TryGetValue(logicalName, out var table) ? table : null;

    /// <summary>The relationship named <paramref name="schemaName"/> (case-insensitive), or null.</summary>
    public static RelationshipDefinition? FindRelationship(string? schemaName) =>
        schemaName is not null && RelationshipMap.TryGetValue(schemaName, out var relationship) ? relationship : null;

    /// <summary>Every known one-to-many relationship.</summary>
    public static IEnumerable<RelationshipDefinition> Relationships => RelationshipMap.Values;

    /// <summary>Relationships whose referenced ("one") side is <paramref name="table"/>: the rows that cascade from it.</summary>
    public static IReadOnlyList<RelationshipDefinition> RelationshipsReferencing(string table) =>
        ReferencingMap.TryGetValue(table, out var list) ? list : [];

    /// <summary>True when both tables are known and the referencing column is a lookup that may point at the referenced table.</summary>
    private static bool Connects(RelationshipDefinition relationship) =>
        TableMap.ContainsKey(relationship.ReferencedTable)
        && TableMap.TryGetValue(relationship.ReferencingTable, out var referencing)
        && referencing.Attributes.TryGetValue(relationship.ReferencingAttribute, out var lookup)
        && lookup.IsReference
        && System.Linq.Enumerable.Contains(lookup.Targets, relationship.ReferencedTable);

    private static FrozenDictionary<string, TableDefinition> Index(List<TableDefinition> tables)
    {
        var map = new Dictionary<string, TableDefinition>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            map.Add(table.LogicalName, table);
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, RelationshipDefinition[]> Freeze(Dictionary<string, List<RelationshipDefinition>> map)
    {
        var result = new Dictionary<string, RelationshipDefinition[]>(StringComparer.Ordinal);
        foreach (var pair in map)
        {
            result.Add(pair.Key, pair.Value.ToArray());
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
