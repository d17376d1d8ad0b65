using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveEntityResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public Microsoft.Xrm.Sdk.Metadata.EntityMetadata? EntityMetadata
    {
        get => Results.Contains("EntityMetadata") ? (Microsoft.Xrm.Sdk.Metadata.EntityMetadata?)Results["EntityMetadata"] : default;
    }
}
