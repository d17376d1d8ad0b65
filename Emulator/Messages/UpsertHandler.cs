using System;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>Upsert by id (or by KeyAttributes matched against stored values): Update when the row exists, else Create.</summary>
internal sealed class UpsertHandler : IRequestHandler
{
    public string MessageName => "Upsert";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var target = Parameters.Required<Entity>(request, "Target");
        var table = DataOperations.Table(context.Emulator.Schema, target.LogicalName);
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
