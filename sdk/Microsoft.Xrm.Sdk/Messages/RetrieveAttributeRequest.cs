using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveAttributeRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public RetrieveAttributeRequest()
    {
        RequestName = "RetrieveAttribute";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        MetadataId = System.Guid.Empty;
        RetrieveAsIfPublished = false;
    }

    public int ColumnNumber
    {
        get => Parameters.Contains("ColumnNumber") ? (int)Parameters["ColumnNumber"] : default;
        set => Parameters["ColumnNumber"] = value!;
    }

    public string? EntityLogicalName
    {
        get => Parameters.Contains("EntityLogicalName") ? (string?)Parameters["EntityLogicalName"] : default;
        set => Parameters["EntityLogicalName"] = value!;
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
