using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class DisassociateRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public DisassociateRequest()
    {
        RequestName = "Disassociate";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        Target = null;
        Relationship = null;
        RelatedEntities = null;
    }

    public Microsoft.Xrm.Sdk.EntityReferenceCollection? RelatedEntities
    {
        get => Parameters.Contains("RelatedEntities") ? (Microsoft.Xrm.Sdk.EntityReferenceCollection?)Parameters["RelatedEntities"] : default;
        set => Parameters["RelatedEntities"] = value!;
    }

    public Microsoft.Xrm.Sdk.Relationship? Relationship
    {
        get => Parameters.Contains("Relationship") ? (Microsoft.Xrm.Sdk.Relationship?)Parameters["Relationship"] : default;
        set => Parameters["Relationship"] = value!;
    }

    public Microsoft.Xrm.Sdk.EntityReference? Target
    {
        get => Parameters.Contains("Target") ? (Microsoft.Xrm.Sdk.EntityReference?)Parameters["Target"] : default;
        set => Parameters["Target"] = value!;
    }
}
