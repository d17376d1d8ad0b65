using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveMetadataChangesResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public Microsoft.Xrm.Sdk.Metadata.Query.DeletedMetadataCollection? DeletedMetadata
    {
        get => Results.Contains("DeletedMetadata") ? (Microsoft.Xrm.Sdk.Metadata.Query.DeletedMetadataCollection?)Results["DeletedMetadata"] : default;
    }

    public Microsoft.Xrm.Sdk.Metadata.EntityMetadataCollection? EntityMetadata
    {
        get => Results.Contains("EntityMetadata") ? (Microsoft.Xrm.Sdk.Metadata.EntityMetadataCollection?)Results["EntityMetadata"] : default;
    }

    public string? ServerVersionStamp
    {
        get => Results.Contains("ServerVersionStamp") ? (string?)Results["ServerVersionStamp"] : default;
    }
}
