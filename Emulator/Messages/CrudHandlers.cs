using System;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>Create: validates, fills defaults and system columns, stores a copy of Target.</summary>
internal sealed class CreateHandler : IRequestHandler
{
    public string MessageName => "Create";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var target = Parameters.Required<Entity>(request, "Target");
        var id = DataOperations.Create(target, context);
        var response = new CreateResponse();
        response.Results["id"] = id;
        return response;
    }
}

/// <summary>Retrieve: exactly the requested columns plus the primary id; AllColumns returns every stored column.</summary>
internal sealed class RetrieveHandler : IRequestHandler
{
    public string MessageName => "Retrieve";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var target = Parameters.Required<EntityReference>(request, "Target");
        var columns = Parameters.Required<ColumnSet>(request, "ColumnSet");
        var table = DataOperations.Table(target.LogicalName);
        var row = DataOperations.Existing(context.Emulator.Store, table.LogicalName, target.Id);
        Entity result;
        if (columns.AllColumns)
        {
            result = EntityCloner.Clone(row);
        }
        else
        {
            foreach (var column in columns.Columns)
            {
                DataOperations.Column(table, column);
            }

            result = EntityCloner.Project(row, columns.Columns);
            result[table.PrimaryIdAttribute] = row.Id;
        }

        var response = new RetrieveResponse();
        response.Results["Entity"] = result;
        return response;
    }
}

/// <summary>Update: validates the changed columns, merges them, maintains modifiedon/modifiedby/versionnumber.</summary>
internal sealed class UpdateHandler : IRequestHandler
{
    public string MessageName => "Update";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        DataOperations.Update(Parameters.Required<Entity>(request, "Target"), context);
        return new UpdateResponse();
    }
}

/// <summary>Delete: applies the cascade rules of every relationship referencing the table, then removes the row.</summary>
internal sealed class DeleteHandler : IRequestHandler
{
    public string MessageName => "Delete";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        DataOperations.Delete(Parameters.Required<EntityReference>(request, "Target"), context);
        return new DeleteResponse();
    }
}

/// <summary>Upsert by id (or by KeyAttributes matched against stored values): Update when the row exists, else Create.</summary>
internal sealed class UpsertHandler : IRequestHandler
{
    public string MessageName => "Upsert";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var target = Parameters.Required<Entity>(request, "Target");
        var table = DataOperations.Table(target.LogicalName);
        var store = context.Emulator.Store;
        var id = DataOperations.IdOf(table, target);
        if (id == Guid.Empty && target.KeyAttributes.Count > 0)
        {
            id = FindByKeys(store, table.LogicalName, target.KeyAttributes);
        }

        var copy = EntityCloner.Clone(target);
        copy.KeyAttributes.Clear();
        bool created;
        if (id != Guid.Empty && store.Exists(table.LogicalName, id))
        {
            copy.Id = id;
            context.Execute(new UpdateRequest { Target = copy });
            created = false;
        }
        else
        {
            foreach (var pair in target.KeyAttributes)
            {
                copy.Attributes[pair.Key] = EntityCloner.CloneValue(pair.Value)!;
            }

            copy.Id = id;
            id = (Guid)context.Execute(new CreateRequest { Target = copy }).Results["id"];
            created = true;
        }

        var response = new UpsertResponse();
        response.Results["RecordCreated"] = created;
        response.Results["Target"] = new EntityReference(table.LogicalName, id);
        return response;
    }

    private static Guid FindByKeys(EntityStore store, string table, KeyAttributeCollection keys)
    {
        foreach (var row in store.Rows(table))
        {
            var match = true;
            foreach (var pair in keys)
            {
                if (!row.Attributes.TryGetValue(pair.Key, out var value) || !Equals(value, pair.Value))
                {
                    match = false;
                    break;
                }
            }

            if (match)
            {
                return row.Id;
            }
        }

        return Guid.Empty;
    }
}

/// <summary>RetrieveMultiple: delegates to the query engine with the emulator's clock and the caller.</summary>
internal sealed class RetrieveMultipleHandler : IRequestHandler
{
    public string MessageName => "RetrieveMultiple";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var query = Parameters.Required<QueryBase>(request, "Query");
        var environment = new Query.QueryEnvironment(context.Emulator.Clock.UtcNow, context.UserId, context.BusinessUnitId);
        var result = new Query.QueryEngine().Execute(query, context.Emulator.Store, environment);
        var response = new RetrieveMultipleResponse();
        response.Results["EntityCollection"] = result;
        return response;
    }
}

/// <summary>Reads request parameters with the platform's fault when one is missing or of the wrong type.</summary>
internal static class Parameters
{
    public static T Required<T>(OrganizationRequest request, string name)
        where T : class =>
        request.Parameters.TryGetValue(name, out var value) && value is T typed
            ? typed
            : throw Faults.InvalidArgumentFault($"Required field '{name}' is missing or is not a {typeof(T).Name}.");

    public static T? Optional<T>(OrganizationRequest request, string name)
        where T : class =>
        request.Parameters.TryGetValue(name, out var value) ? value as T : null;
}
