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
