using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>
/// Associate and Disassociate over many-to-many relationships: one intersect row per associated pair, as the platform
/// keeps them; associating a pair twice faults as a duplicate key, disassociating a pair that is not associated does nothing.
/// </summary>
internal static class ManyToManyLinks
{
    public static void Apply(ManyToManyDefinition relationship, EntityReference target, EntityReferenceCollection related, RequestContext context, bool associate)
    {
        var store = context.Emulator.Store;
        foreach (var other in related)
        {
            var (first, second) = Order(relationship, target, other)
                ?? throw Faults.InvalidArgumentFault(
                    $"Relationship '{relationship.SchemaName}' links {relationship.Entity1} and {relationship.Entity2}, not {target.LogicalName} and {other.LogicalName}.");
            DataOperations.Existing(store, first.LogicalName, first.Id);
            DataOperations.Existing(store, second.LogicalName, second.Id);
            var pairs = Rows(store, relationship).Where(r => Holds(r, relationship, first.Id, second.Id)).Select(r => r.Id).ToList();
            if (!associate)
            {
                pairs.ForEach(id => store.Remove(relationship.IntersectEntity, id));
                continue;
            }

            if (pairs.Count > 0)
            {
                throw Faults.Create(Faults.DuplicateRecord, "Cannot insert duplicate key.");
            }

            var id = Guid.NewGuid();
            store.Insert(new Entity(relationship.IntersectEntity, id)
            {
                [relationship.IntersectEntity + "id"] = id,
                [relationship.Entity1Attribute] = first.Id,
                [relationship.Entity2Attribute] = second.Id,
                ["createdon"] = context.Emulator.Clock.UtcNow,
                ["versionnumber"] = context.Emulator.NextVersion(),
            });
        }
    }

    /// <summary>The ids related to <paramref name="id"/> through <paramref name="relationship"/>, seen from its first or second table.</summary>
    public static List<Guid> Related(EntityStore store, ManyToManyDefinition relationship, Guid id, bool fromFirst)
    {
        var (own, otherColumn) = fromFirst ? (relationship.Entity1Attribute, relationship.Entity2Attribute) : (relationship.Entity2Attribute, relationship.Entity1Attribute);
        return Rows(store, relationship)
            .Where(r => r.GetAttributeValue<Guid>(own) == id)
            .Select(r => r.GetAttributeValue<Guid>(otherColumn))
            .ToList();
    }

    /// <summary>Removes every intersect row naming the deleted row (the platform drops the associations with it).</summary>
    public static void Forget(EntityStore store, EmulatorSchema schema, string table, Guid id)
    {
        foreach (var relationship in schema.ManyToManyRelationships)
        {
            var columns = new List<string>();
            if (relationship.Entity1 == table)
            {
                columns.Add(relationship.Entity1Attribute);
            }

            if (relationship.Entity2 == table)
            {
                columns.Add(relationship.Entity2Attribute);
            }

            foreach (var row in Rows(store, relationship).Where(r => columns.Any(c => r.GetAttributeValue<Guid>(c) == id)).ToList())
            {
                store.Remove(relationship.IntersectEntity, row.Id);
            }
        }
    }

    private static (EntityReference First, EntityReference Second)? Order(ManyToManyDefinition relationship, EntityReference target, EntityReference other) =>
        target.LogicalName == relationship.Entity1 && other.LogicalName == relationship.Entity2 ? (target, other)
        : target.LogicalName == relationship.Entity2 && other.LogicalName == relationship.Entity1 ? (other, target)
        : null;

    private static bool Holds(Entity row, ManyToManyDefinition relationship, Guid first, Guid second) =>
        row.GetAttributeValue<Guid>(relationship.Entity1Attribute) == first && row.GetAttributeValue<Guid>(relationship.Entity2Attribute) == second;

    private static IEnumerable<Entity> Rows(EntityStore store, ManyToManyDefinition relationship) => store.Rows(relationship.IntersectEntity);
}
