using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
#pragma warning disable CA1819 // The published signature returns an array.
public sealed class RetrieveAllEntitiesResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public Microsoft.Xrm.Sdk.Metadata.EntityMetadata[]? EntityMetadata
    {
        get => Results.Contains("EntityMetadata") ? (Microsoft.Xrm.Sdk.Metadata.EntityMetadata[]?)Results["EntityMetadata"] : default;
    }
}
#pragma warning restore CA1819
