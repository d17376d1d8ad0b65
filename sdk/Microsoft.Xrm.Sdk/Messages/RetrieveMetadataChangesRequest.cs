using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveMetadataChangesRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public RetrieveMetadataChangesRequest()
    {
        RequestName = "RetrieveMetadataChanges";
    }

    public string? ClientVersionStamp
    {
        get => Parameters.Contains("ClientVersionStamp") ? (string?)Parameters["ClientVersionStamp"] : default;
        set => Parameters["ClientVersionStamp"] = value!;
    }

    public Microsoft.Xrm.Sdk.Metadata.Query.DeletedMetadataFilters DeletedMetadataFilters
    {
        get => Parameters.Contains("DeletedMetadataFilters") ? (Microsoft.Xrm.Sdk.Metadata.Query.DeletedMetadataFilters)Parameters["DeletedMetadataFilters"] : default;
        set => Parameters["DeletedMetadataFilters"] = value!;
    }

    public Microsoft.Xrm.Sdk.Metadata.Query.EntityQueryExpression? Query
    {
        get => Parameters.Contains("Query") ? (Microsoft.Xrm.Sdk.Metadata.Query.EntityQueryExpression?)Parameters["Query"] : default;
        set => Parameters["Query"] = value!;
    }
}
