using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Metadata.Tables;

namespace LeadQualifyExtensions.Emulator.Metadata;

/// <summary>All table definitions, built once per process and shared by every emulator (immutable).</summary>
public static class MetadataCatalog
{
    private static readonly FrozenDictionary<string, TableDefinition> TableMap;
    private static readonly FrozenDictionary<string, RelationshipDefinition[]> ReferencingMap;
    private static readonly FrozenDictionary<string, RelationshipDefinition> RelationshipMap;

#pragma warning disable CA1810 // One static constructor keeps the three indexes consistent.
    static MetadataCatalog()
#pragma warning restore CA1810
    {
        TableDefinition[] tables =
        [
            Lead.Definition, Account.Definition, Contact.Definition, Opportunity.Definition, Annotation.Definition,
            SystemUser.Definition, UserSettings.Definition, BusinessUnit.Definition, Organization.Definition,
            TransactionCurrency.Definition, Campaign.Definition, Workflow.Definition, ProcessStage.Definition,
            LeadToOpportunitySalesProcess.Definition, EnvironmentVariableDefinition.Definition,
            EnvironmentVariableValue.Definition, SdkMessage.Definition,
        ];
        TableMap = Index(tables);
        var referencing = new Dictionary<string, List<RelationshipDefinition>>(StringComparer.Ordinal);
        var bySchema = new Dictionary<string, RelationshipDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            foreach (var relationship in table.Relationships)
            {
                if (!referencing.TryGetValue(relationship.ReferencedTable, out var list))
                {
                    list = [];
                    referencing.Add(relationship.ReferencedTable, list);
                }

                list.Add(relationship);
                bySchema.TryAdd(relationship.SchemaName, relationship);
            }
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

    /// <summary>Relationships whose referenced ("one") side is <paramref name="table"/>: the rows that cascade from it.</summary>
    public static IReadOnlyList<RelationshipDefinition> RelationshipsReferencing(string table) =>
        ReferencingMap.TryGetValue(table, out var list) ? list : [];

    private static FrozenDictionary<string, TableDefinition> Index(TableDefinition[] tables)
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
