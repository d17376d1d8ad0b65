using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveEntityRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public RetrieveEntityRequest()
    {
        RequestName = "RetrieveEntity";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        EntityFilters = default;
        MetadataId = System.Guid.Empty;
        RetrieveAsIfPublished = false;
    }

    public Microsoft.Xrm.Sdk.Metadata.EntityFilters EntityFilters
    {
        get => Parameters.Contains("EntityFilters") ? (Microsoft.Xrm.Sdk.Metadata.EntityFilters)Parameters["EntityFilters"] : default;
        set => Parameters["EntityFilters"] = value!;
    }

    public string? LogicalName
    {
        get => Parameters.Contains("LogicalName") ? (string?)Parameters["LogicalName"] : default;
        set => Parameters["LogicalName"] = value!;
    }

    public System.Guid MetadataId
    {
        get => Parameters.Contains("MetadataId") ? (System.Guid)Parameters["MetadataId"] : default;
        set => Parameters["MetadataId"] = value!;
    }

    public bool RetrieveAsIfPublished
    {
        get => Parameters.Contains("RetrieveAsIfPublished") ? (bool)Parameters["RetrieveAsIfPublished"] : default;
        set => Parameters["RetrieveAsIfPublished"] = value!;
    }
}
