using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>SetState: validated state/status change; Status −1 means the state's default status.</summary>
internal sealed class SetStateHandler : IRequestHandler
{
    public string MessageName => "SetState";

    public OrganizationResponse Execute(OrganizationRequest request, RequestContext context)
    {
        var moniker = Parameters.Required<EntityReference>(request, "EntityMoniker");
        var state = Parameters.Required<OptionSetValue>(request, "State").Value;
        var status = Parameters.Required<OptionSetValue>(request, "Status").Value;
        var table = DataOperations.Table(context.Emulator.Schema, moniker.LogicalName);
        if (table.StateAttribute?.FindOption(state) is null)
        {
            throw Faults.InvalidStateStatus(table, state, status, moniker.Id);
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
