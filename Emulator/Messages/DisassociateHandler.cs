using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Messages;

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
