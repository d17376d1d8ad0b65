using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveAllEntitiesRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public RetrieveAllEntitiesRequest()
    {
        RequestName = "RetrieveAllEntities";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        EntityFilters = default;
        RetrieveAsIfPublished = false;
    }

    public Microsoft.Xrm.Sdk.Metadata.EntityFilters EntityFilters
    {
        get => Parameters.Contains("EntityFilters") ? (Microsoft.Xrm.Sdk.Metadata.EntityFilters)Parameters["EntityFilters"] : default;
        set => Parameters["EntityFilters"] = value!;
    }

    public bool RetrieveAsIfPublished
    {
        get => Parameters.Contains("RetrieveAsIfPublished") ? (bool)Parameters["RetrieveAsIfPublished"] : default;
        set => Parameters["RetrieveAsIfPublished"] = value!;
    }
}
