using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>Associate and Disassociate over one-to-many relationships: sets or clears the lookup on the "many" side.</summary>
internal static class Links
{
    public static void Apply(OrganizationRequest request, RequestContext context, bool associate)
    {
        var target = Parameters.Required<EntityReference>(request, "Target");
        var relationship = Parameters.Required<Relationship>(request, "Relationship");
        var related = Parameters.Required<EntityReferenceCollection>(request, "RelatedEntities");
        if (context.Emulator.Schema.FindRelationship(relationship.SchemaName) is null
            && context.Emulator.Schema.FindManyToMany(relationship.SchemaName) is { } manyToMany)
        {
            ManyToManyLinks.Apply(manyToMany, target, related, context, associate);
            return;
        }

        var definition = context.Emulator.Schema.FindRelationship(relationship.SchemaName)
            ?? throw Faults.InvalidArgumentFault($"Relationship '{relationship.SchemaName}' is not a relationship known to the emulator.");
        foreach (var other in related)
        {
            EntityReference one;
            EntityReference many;
            if (target.LogicalName == definition.ReferencedTable && other.LogicalName == definition.ReferencingTable)
            {
                (one, many) = (target, other);
            }
            else if (target.LogicalName == definition.ReferencingTable && other.LogicalName == definition.ReferencedTable)
            {
                (one, many) = (other, target);
            }
            else
            {
                throw Faults.InvalidArgumentFault(
                    $"Relationship '{definition.SchemaName}' links {definition.ReferencedTable} to {definition.ReferencingTable}, not {target.LogicalName} to {other.LogicalName}.");
            }

            var row = DataOperations.Existing(context.Emulator.Store, many.LogicalName, many.Id);
            DataOperations.Existing(context.Emulator.Store, one.LogicalName, one.Id);
            var change = new Entity(many.LogicalName, many.Id);
            if (associate)
            {
                change[definition.ReferencingAttribute] = new EntityReference(one.LogicalName, one.Id);
            }
            else if (row.GetAttributeValue<EntityReference>(definition.ReferencingAttribute) is { } current && current.Id == one.Id)
            {
                change[definition.ReferencingAttribute] = null!;
            }
            else
            {
                continue;
            }

            DataOperations.Update(change, context);
        }
    }
}
