using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveMultipleRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public RetrieveMultipleRequest()
    {
        RequestName = "RetrieveMultiple";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        Query = null;
    }

    public Microsoft.Xrm.Sdk.Query.QueryBase? Query
    {
        get => Parameters.Contains("Query") ? (Microsoft.Xrm.Sdk.Query.QueryBase?)Parameters["Query"] : default;
        set => Parameters["Query"] = value!;
    }
}
