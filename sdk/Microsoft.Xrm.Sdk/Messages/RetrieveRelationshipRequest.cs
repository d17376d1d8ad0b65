using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveRelationshipRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public RetrieveRelationshipRequest()
    {
        RequestName = "RetrieveRelationship";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        MetadataId = System.Guid.Empty;
        RetrieveAsIfPublished = false;
    }

    public System.Guid MetadataId
    {
        get => Parameters.Contains("MetadataId") ? (System.Guid)Parameters["MetadataId"] : default;
        set => Parameters["MetadataId"] = value!;
    }

    public string? Name
    {
        get => Parameters.Contains("Name") ? (string?)Parameters["Name"] : default;
        set => Parameters["Name"] = value!;
    }

    public bool RetrieveAsIfPublished
    {
        get => Parameters.Contains("RetrieveAsIfPublished") ? (bool)Parameters["RetrieveAsIfPublished"] : default;
        set => Parameters["RetrieveAsIfPublished"] = value!;
    }
}
