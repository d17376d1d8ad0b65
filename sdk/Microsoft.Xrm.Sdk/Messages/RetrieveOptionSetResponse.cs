using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveOptionSetResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public Microsoft.Xrm.Sdk.Metadata.OptionSetMetadataBase? OptionSetMetadata
    {
        get => Results.Contains("OptionSetMetadata") ? (Microsoft.Xrm.Sdk.Metadata.OptionSetMetadataBase?)Results["OptionSetMetadata"] : default;
    }
}
