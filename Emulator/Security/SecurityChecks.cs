using System;
using System.Collections.Generic;
using LeadQualifyExtensions.Emulator.Messages;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Query;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Security;

/// <summary>
/// The checks the platform makes for a message, run by the dispatch point just before the core operation (after
/// PreValidation and PreOperation, inside the transaction — the platform's order: "PreValidation … before the main
/// system operation and security checks"). Requests the core makes on the caller's behalf (QualifyLead creating the
/// opportunity, SetProcess creating the instance) go through the dispatch point again and are checked there.
/// </summary>
internal static class SecurityChecks
{
    /// <summary>The caller must exist; a CallerId needs prvActOnBehalfOfAnotherUser from the authenticated user.</summary>
    public static void Caller(RequestContext context)
    {
        var emulator = context.Emulator;
        if (context.UserId == Pipeline.EmulatorPipeline.SystemUser)
        {
            return;
        }

        if (!emulator.Store.Exists("systemuser", context.UserId))
        {
            throw Faults.RecordNotFound("systemuser", context.UserId);
        }

        if (context.AuthenticatedUserId != context.UserId && !emulator.Security.HasPrivilege(context.AuthenticatedUserId, PrivilegeNames.ActOnBehalfOfAnotherUser))
        {
            throw SecurityFaults.CannotImpersonate();
        }
    }

    /// <summary>Wraps a message's core so its checks run right before it.</summary>
    public static IRequestHandler Guard(IRequestHandler core) => new GuardedCore(core);

    /// <summary>A query source that hides the rows the caller may not read (link-entities read through it too).</summary>
    public static IQuerySource ReadableRows(RequestContext context) =>
        context.Emulator.Security.IsChecked(context.UserId) ? new ReadableSource(context.Emulator, context.UserId) : context.Emulator.Store;

    /// <summary>Runs the checks of <paramref name="request"/> for the caller (and for the impersonating user: both must pass).</summary>
    public static void Authorize(OrganizationRequest request, RequestContext context)
    {
        Authorize(request, context, context.UserId);
        if (context.AuthenticatedUserId != context.UserId)
        {
            // "user (A) is allowed to do something if and only if user (A) and the impersonated user (B) have the privilege".
            Authorize(request, context, context.AuthenticatedUserId);
        }
    }

    private static void Authorize(OrganizationRequest request, RequestContext context, Guid userId)
    {
        var emulator = context.Emulator;
        if (!emulator.Security.IsChecked(userId))
        {
            return;
        }

        var p = request.Parameters;
        switch (request.RequestName)
        {
            case "Create" when p.TryGetValue("Target", out var value) && value is Entity target:
                CheckCreate(emulator, userId, target);
                break;
            case "Update" when p.TryGetValue("Target", out var value) && value is Entity target:
                CheckUpdate(emulator, userId, target);
                break;
            case "Retrieve" when p.TryGetValue("Target", out var value) && value is EntityReference target:
                Demand(emulator, userId, target, PrivilegeAction.Read);
                break;
            case "Delete" when p.TryGetValue("Target", out var value) && value is EntityReference target:
                Demand(emulator, userId, target, PrivilegeAction.Delete);
                break;
            case "Assign" when p.TryGetValue("Target", out var value) && value is EntityReference target:
                Demand(emulator, userId, target, PrivilegeAction.Assign);
                break;
            case "RetrieveMultiple" when p.TryGetValue("Query", out var value) && value is QueryBase query && TableOf(query) is { } table:
                // Reading a table at no level faults; otherwise the query engine only sees the readable rows.
                if (emulator.Schema.Find(table) is { } definition && !new AccessScope(emulator, userId, definition, PrivilegeAction.Read).HoldsPrivilege)
                {
                    throw SecurityFaults.MissingPrivilege(userId, PrivilegeNames.For(table, PrivilegeAction.Read), table);
                }

                break;
            case "Associate" or "Disassociate":
                CheckLinks(emulator, userId, request);
                break;
            case "SetStateDynamicEntity" or "SetState" when p.TryGetValue("EntityMoniker", out var value) && value is EntityReference target:
                Demand(emulator, userId, target, PrivilegeAction.Write);
                break;
            case "QualifyLead" when p.TryGetValue("LeadId", out var value) && value is EntityReference lead:
                Demand(emulator, userId, lead, PrivilegeAction.Read);
                Demand(emulator, userId, lead, PrivilegeAction.Write);
                break;
            case "WinOpportunity" or "LoseOpportunity" when p.TryGetValue("OpportunityClose", out var value) && value is Entity close
                && close.GetAttributeValue<EntityReference>("opportunityid") is { } opportunity:
                Demand(emulator, userId, opportunity, PrivilegeAction.Write);
                break;
            case "RetrieveProcessInstances" when p.TryGetValue("EntityId", out var id) && id is Guid recordId
                && p.TryGetValue("EntityLogicalName", out var name) && name is string entity:
                Demand(emulator, userId, new EntityReference(entity, recordId), PrivilegeAction.Read);
                break;
            case "SetProcess" when p.TryGetValue("Target", out var value) && value is EntityReference target:
                Demand(emulator, userId, target, PrivilegeAction.Write);
                break;
            case "GrantAccess" or "ModifyAccess" or "RevokeAccess" when p.TryGetValue("Target", out var value) && value is EntityReference target:
                Demand(emulator, userId, target, PrivilegeAction.Share);
                break;
            case "ImportSolution" or "ImportSolutionAsync":
                if (!emulator.Security.HasPrivilege(userId, PrivilegeNames.ImportSolution))
                {
                    throw SecurityFaults.MissingPrivilege(userId, PrivilegeNames.ImportSolution, "solution");
                }

                break;
        }
    }

    private static void CheckCreate(XrmEmulator emulator, Guid userId, Entity target)
    {
        if (emulator.Schema.Find(target.LogicalName) is not { } table)
        {
            return; // the core faults with the platform's unknown-table error
        }

        // The row as it would be stored: owner given or the caller, owning business unit of that owner.
        var row = new Entity(table.LogicalName, target.Id);
        if (table.Ownership == OwnershipType.UserOwned)
        {
            var owner = target.GetAttributeValue<EntityReference>("ownerid") ?? new EntityReference("systemuser", userId);
            row["ownerid"] = owner;
            row["owningbusinessunit"] = new EntityReference("businessunit", owner.LogicalName == "team"
                ? emulator.Security.BusinessUnitOfTeam(owner.Id)
                : emulator.BusinessUnitOf(owner.Id));
        }

        new AccessScope(emulator, userId, table, PrivilegeAction.Create).Demand(row);
        CheckLookups(emulator, userId, table, row, target, isNew: true);
    }

    private static void CheckUpdate(XrmEmulator emulator, Guid userId, Entity target)
    {
        if (emulator.Schema.Find(target.LogicalName) is not { } table || emulator.Store.Get(table.LogicalName, DataOperations.IdOf(table, target)) is not { } row)
        {
            return; // the core faults with the platform's not-found error
        }

        new AccessScope(emulator, userId, table, PrivilegeAction.Write).Demand(row);
        CheckLookups(emulator, userId, table, row, target, isNew: false);
    }

    // Setting a lookup appends this row to another: Append on this row, AppendTo on the row pointed at. Only links to
    // user-owned rows are checked (business records); lookups to reference data (currency, user, business unit) are not.
    private static void CheckLookups(XrmEmulator emulator, Guid userId, TableDefinition table, Entity row, Entity target, bool isNew)
    {
        AccessScope? append = null;
        foreach (var (column, value) in target.Attributes)
        {
            if (value is not EntityReference reference || column is "ownerid" || reference.Id == Guid.Empty
                || emulator.Schema.Find(reference.LogicalName) is not { Ownership: OwnershipType.UserOwned } other
                || (!isNew && row.GetAttributeValue<EntityReference>(column) is { } current && current.Id == reference.Id))
            {
                continue;
            }

            append ??= new AccessScope(emulator, userId, table, PrivilegeAction.Append);
            append.Demand(row);
            if (emulator.Store.Get(other.LogicalName, reference.Id) is { } pointedAt)
            {
                new AccessScope(emulator, userId, other, PrivilegeAction.AppendTo).Demand(pointedAt);
            }
        }
    }

    private static void CheckLinks(XrmEmulator emulator, Guid userId, OrganizationRequest request)
    {
        if (!request.Parameters.TryGetValue("Target", out var t) || t is not EntityReference target
            || !request.Parameters.TryGetValue("Relationship", out var r) || r is not Relationship relationship
            || !request.Parameters.TryGetValue("RelatedEntities", out var e) || e is not EntityReferenceCollection related
            || emulator.Schema.FindRelationship(relationship.SchemaName) is not { } definition)
        {
            return;
        }

        foreach (var other in related)
        {
            var (one, many) = target.LogicalName == definition.ReferencedTable ? (target, other) : (other, target);
            Demand(emulator, userId, many, PrivilegeAction.Append);
            Demand(emulator, userId, one, PrivilegeAction.AppendTo);
        }
    }

    private static void Demand(XrmEmulator emulator, Guid userId, EntityReference target, PrivilegeAction action)
    {
        if (target.LogicalName is null || emulator.Schema.Find(target.LogicalName) is not { } table || emulator.Store.Get(table.LogicalName, target.Id) is not { } row)
        {
            return; // unknown table or row: the core answers with the platform's fault
        }

        new AccessScope(emulator, userId, table, action).Demand(row);
    }

    private static string? TableOf(QueryBase query) => query switch
    {
        QueryExpression expression => expression.EntityName,
        QueryByAttribute byAttribute => byAttribute.EntityName,
        _ => null, // FetchXML: rows are still filtered by the query source
    };

    private sealed class GuardedCore(IRequestHandler core) : IRequestHandler
    {
        public string MessageName => core.MessageName;

        public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
        {
            Authorize(request, context);
            return core.Execute(request, context);
        }
    }

    /// <summary>The store with the rows the caller may not read left out.</summary>
    private sealed class ReadableSource(XrmEmulator emulator, Guid userId) : IQuerySource
    {
        private readonly Dictionary<string, AccessScope?> _scopes = new(StringComparer.Ordinal);

        public bool TableExists(string table) => emulator.Store.TableExists(table);

        public string PrimaryIdAttribute(string table) => emulator.Store.PrimaryIdAttribute(table);

        public ColumnKind? ColumnKindOf(string table, string column) => emulator.Store.ColumnKindOf(table, column);

        public IEnumerable<Entity> Rows(string table) => Readable(table, emulator.Store.Rows(table));

        public IEnumerable<Entity>? RowsWhereEqual(string table, string column, object value) =>
            emulator.Store.RowsWhereEqual(table, column, value) is { } rows ? Readable(table, rows) : null;

        private IEnumerable<Entity> Readable(string table, IEnumerable<Entity> rows)
        {
            if (!_scopes.TryGetValue(table, out var scope))
            {
                _scopes[table] = scope = emulator.Schema.Find(table) is { } definition ? new AccessScope(emulator, userId, definition, PrivilegeAction.Read) : null;
            }

            if (scope is null)
            {
                foreach (var row in rows)
                {
                    yield return row;
                }

                yield break;
            }

            foreach (var row in rows)
            {
                if (scope.Allows(row))
                {
                    yield return row;
                }
            }
        }
    }
}
