using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Messages;

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
