using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveAttributeResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public Microsoft.Xrm.Sdk.Metadata.AttributeMetadata? AttributeMetadata
    {
        get => Results.Contains("AttributeMetadata") ? (Microsoft.Xrm.Sdk.Metadata.AttributeMetadata?)Results["AttributeMetadata"] : default;
    }
}
