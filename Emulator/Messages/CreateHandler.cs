using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

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
