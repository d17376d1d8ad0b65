using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Messages;

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
