using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Messages;

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
