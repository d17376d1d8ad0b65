using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveRelationshipResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public Microsoft.Xrm.Sdk.Metadata.RelationshipMetadataBase? RelationshipMetadata
    {
        get => Results.Contains("RelationshipMetadata") ? (Microsoft.Xrm.Sdk.Metadata.RelationshipMetadataBase?)Results["RelationshipMetadata"] : default;
    }
}
