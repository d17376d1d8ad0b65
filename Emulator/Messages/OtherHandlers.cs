using System;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>Associate for one-to-many relationships: sets the lookup on the "many" side.</summary>
internal sealed class AssociateHandler : IRequestHandler
{
    public string MessageName => "Associate";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        Links.Apply(request, context, associate: true);
        return new AssociateResponse();
    }
}

/// <summary>Disassociate for one-to-many relationships: clears the lookup on the "many" side.</summary>
internal sealed class DisassociateHandler : IRequestHandler
{
    public string MessageName => "Disassociate";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        Links.Apply(request, context, associate: false);
        return new DisassociateResponse();
    }
}

internal static class Links
{
    public static void Apply(OrganizationRequest request, RequestContext context, bool associate)
    {
        var target = Parameters.Required<EntityReference>(request, "Target");
        var relationship = Parameters.Required<Relationship>(request, "Relationship");
        var related = Parameters.Required<EntityReferenceCollection>(request, "RelatedEntities");
        var definition = MetadataCatalog.FindRelationship(relationship.SchemaName)
            ?? throw Faults.InvalidArgumentFault($"Relationship '{relationship.SchemaName}' is not a one-to-many relationship known to the emulator.");
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

/// <summary>Assign: sets ownerid / owningbusinessunit, cascading along Assign = Cascade relationships.</summary>
internal sealed class AssignHandler : IRequestHandler
{
    public string MessageName => "Assign";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        DataOperations.Assign(Parameters.Required<EntityReference>(request, "Target"), Parameters.Required<EntityReference>(request, "Assignee"), context);
        return new AssignResponse();
    }
}

/// <summary>WhoAmI: the calling user, their business unit and the organization.</summary>
internal sealed class WhoAmIHandler : IRequestHandler
{
    public string MessageName => "WhoAmI";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var response = new WhoAmIResponse();
        response.Results["UserId"] = context.UserId;
        response.Results["BusinessUnitId"] = context.BusinessUnitId;
        response.Results["OrganizationId"] = context.Emulator.OrganizationId;
        return response;
    }
}

/// <summary>SetState: validated state/status change; Status −1 means the state's default status.</summary>
internal sealed class SetStateHandler : IRequestHandler
{
    public string MessageName => "SetState";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var moniker = Parameters.Required<EntityReference>(request, "EntityMoniker");
        var state = Parameters.Required<OptionSetValue>(request, "State").Value;
        var status = Parameters.Required<OptionSetValue>(request, "Status").Value;
        var table = DataOperations.Table(moniker.LogicalName);
        if (table.StateAttribute?.FindOption(state) is null)
        {
            throw Faults.InvalidStateStatus(table.LogicalName, state, status);
        }

        if (status == -1)
        {
            status = table.DefaultStatusFor(state)!.Value;
        }

        var change = new Entity(table.LogicalName, moniker.Id)
        {
            ["statecode"] = new OptionSetValue(state),
            ["statuscode"] = new OptionSetValue(status),
        };
        DataOperations.Update(change, context);
        return new SetStateResponse();
    }
}

/// <summary>ExecuteMultiple: each item runs as its own atomic request; faults are reported per item.</summary>
internal sealed class ExecuteMultipleHandler : IRequestHandler
{
    /// <summary>The platform's batch size limit.</summary>
    public const int MaxBatchSize = 1000;

    public string MessageName => "ExecuteMultiple";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var requests = Parameters.Required<OrganizationRequestCollection>(request, "Requests");
        var settings = Parameters.Required<ExecuteMultipleSettings>(request, "Settings");
        if (requests.Count > MaxBatchSize)
        {
            throw Faults.InvalidArgumentFault($"The number of requests ({requests.Count}) exceeds the ExecuteMultiple batch size limit of {MaxBatchSize}.");
        }

        if (context.Parent?.MessageName == MessageName || HasNestedBatch(requests))
        {
            throw Faults.InvalidArgumentFault("ExecuteMultiple cannot contain another ExecuteMultiple request.");
        }

        var items = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var itemResponse = context.Emulator.Executor.Execute(requests[i], context.CreateChild(incrementDepth: false));
                if (settings.ReturnResponses)
                {
                    items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = itemResponse });
                }
            }
#pragma warning disable CA1031 // Every failure of an item becomes a per-item fault, as on the platform.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                faulted = true;
                items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = Faults.ToFault(exception) });
                if (!settings.ContinueOnError)
                {
                    break;
                }
            }
        }

        var response = new ExecuteMultipleResponse();
        response.Results["Responses"] = items;
        response.Results["IsFaulted"] = faulted;
        return response;
    }

    private static bool HasNestedBatch(OrganizationRequestCollection requests)
    {
        foreach (var item in requests)
        {
            if (item.RequestName is "ExecuteMultiple")
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>ExecuteTransaction: all or nothing; the first failure rolls everything back and reports its index.</summary>
internal sealed class ExecuteTransactionHandler : IRequestHandler
{
    public string MessageName => "ExecuteTransaction";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var requests = Parameters.Required<OrganizationRequestCollection>(request, "Requests");
        var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var flag) && flag is true;
        var responses = new OrganizationResponseCollection();
        for (var i = 0; i < requests.Count; i++)
        {
            OrganizationResponse itemResponse;
            try
            {
                itemResponse = context.Emulator.Executor.Execute(requests[i], context.CreateChild(incrementDepth: false));
            }
#pragma warning disable CA1031 // Converted into the platform's ExecuteTransactionFault; the executor's scope rolls back.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var inner = Faults.ToFault(exception);
                throw Faults.Wrap(new ExecuteTransactionFault
                {
                    FaultedRequestIndex = i,
                    ErrorCode = inner.ErrorCode,
                    Message = inner.Message,
                    InnerFault = inner,
                    Timestamp = inner.Timestamp,
                });
            }

            if (returnResponses)
            {
                responses.Add(itemResponse);
            }
        }

        var response = new ExecuteTransactionResponse();
        response.Results["Responses"] = responses;
        return response;
    }
}
