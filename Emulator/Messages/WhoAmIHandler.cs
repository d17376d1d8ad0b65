using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Messages;

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
