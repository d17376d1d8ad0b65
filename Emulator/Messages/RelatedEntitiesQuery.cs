using System.Linq;
using LeadQualifyExtensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>
/// RetrieveRequest.RelatedEntitiesQuery: for each relationship, the related rows the QueryExpression selects are put
/// in the returned entity's RelatedEntities under that relationship — the rows whose lookup points at the target
/// (one-to-many), the row the target's lookup points at (many-to-one), or the rows associated with it (many-to-many).
/// A relationship of a table with itself needs PrimaryEntityRole (Referenced: its children; Referencing: its parent).
/// </summary>
internal static class RelatedEntitiesQuery
{
    public static void Fill(Entity result, Entity stored, RelationshipQueryCollection queries, RequestContext context)
    {
        var schema = context.Emulator.Schema;
        foreach (var (relationship, queryBase) in queries)
        {
            var query = queryBase as QueryExpression
                ?? throw Faults.InvalidArgumentFault($"RelatedEntitiesQuery for '{relationship.SchemaName}' must be a QueryExpression.");
            var related = Clone(query);
            if (schema.FindRelationship(relationship.SchemaName) is { } oneToMany)
            {
                Restrict(related, oneToMany, stored, relationship.PrimaryEntityRole, schema);
            }
            else if (schema.FindManyToMany(relationship.SchemaName) is { } manyToMany)
            {
                Restrict(related, manyToMany, stored, relationship.PrimaryEntityRole, context);
            }
            else
            {
                throw Faults.Create(Faults.ObjectDoesNotExist, $"Could not find relationship with name: {relationship.SchemaName}");
            }

            var environment = new Query.QueryEnvironment(context.Emulator.Clock.UtcNow, context.UserId, context.BusinessUnitId);
            result.RelatedEntities[relationship] = new Query.QueryEngine().Execute(related, context.Emulator.Store, environment);
        }
    }

    private static void Restrict(QueryExpression query, RelationshipDefinition relationship, Entity stored, EntityRole? role, EmulatorSchema schema)
    {
        var table = stored.LogicalName;
        var selfReferencing = relationship.ReferencedTable == relationship.ReferencingTable;
        if (selfReferencing && role is null)
        {
            throw Faults.InvalidArgumentFault($"Relationship '{relationship.SchemaName}' relates {table} to itself: set PrimaryEntityRole.");
        }

        if (table == relationship.ReferencedTable && query.EntityName == relationship.ReferencingTable && (!selfReferencing || role == EntityRole.Referenced))
        {
            query.Criteria = And(query.Criteria, new ConditionExpression(relationship.ReferencingAttribute, ConditionOperator.Equal, stored.Id));
        }
        else if (table == relationship.ReferencingTable && query.EntityName == relationship.ReferencedTable)
        {
            var parent = stored.GetAttributeValue<EntityReference>(relationship.ReferencingAttribute);
            var key = schema.Find(relationship.ReferencedTable)!.PrimaryIdAttribute;
            query.Criteria = And(query.Criteria, parent is null
                ? new ConditionExpression(key, ConditionOperator.Null)
                : new ConditionExpression(key, ConditionOperator.Equal, parent.Id));
        }
        else
        {
            throw Faults.InvalidArgumentFault(
                $"Relationship '{relationship.SchemaName}' links {relationship.ReferencedTable} to {relationship.ReferencingTable}, not {table} to {query.EntityName}.");
        }
    }

    private static void Restrict(QueryExpression query, ManyToManyDefinition relationship, Entity stored, EntityRole? role, RequestContext context)
    {
        var table = stored.LogicalName;
        bool fromFirst;
        if (relationship.Entity1 == relationship.Entity2)
        {
            fromFirst = role switch
            {
                EntityRole.Referencing => true,
                EntityRole.Referenced => false,
                _ => throw Faults.InvalidArgumentFault($"Relationship '{relationship.SchemaName}' relates {table} to itself: set PrimaryEntityRole."),
            };
        }
        else if (table == relationship.Entity1 && query.EntityName == relationship.Entity2)
        {
            fromFirst = true;
        }
        else if (table == relationship.Entity2 && query.EntityName == relationship.Entity1)
        {
            fromFirst = false;
        }
        else
        {
            throw Faults.InvalidArgumentFault(
                $"Relationship '{relationship.SchemaName}' links {relationship.Entity1} and {relationship.Entity2}, not {table} and {query.EntityName}.");
        }

        var ids = ManyToManyLinks.Related(context.Emulator.Store, relationship, stored.Id, fromFirst);
        var key = context.Emulator.Schema.Find(query.EntityName)!.PrimaryIdAttribute;
        query.Criteria = And(query.Criteria, ids.Count == 0
            ? new ConditionExpression(key, ConditionOperator.Null)
            : new ConditionExpression(key, ConditionOperator.In, ids.Cast<object>().ToArray()));
    }

    private static FilterExpression And(FilterExpression? original, ConditionExpression condition)
    {
        var filter = new FilterExpression(LogicalOperator.And);
        filter.Conditions.Add(condition);
        if (original is { } given && (given.Conditions.Count > 0 || given.Filters.Count > 0))
        {
            filter.Filters.Add(given);
        }

        return filter;
    }

    // The caller's query is not changed: a copy of its parts, with the relationship's condition added.
    private static QueryExpression Clone(QueryExpression query)
    {
        var copy = new QueryExpression(query.EntityName ?? "")
        {
            ColumnSet = query.ColumnSet,
            Criteria = query.Criteria,
            TopCount = query.TopCount,
            PageInfo = query.PageInfo,
            Distinct = query.Distinct,
            NoLock = query.NoLock,
        };
        copy.Orders.AddRange(query.Orders);
        copy.LinkEntities.AddRange(query.LinkEntities);
        return copy;
    }
}
