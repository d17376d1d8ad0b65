using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public RetrieveRequest()
    {
        RequestName = "Retrieve";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        Target = null;
        ColumnSet = null;
    }

    public Microsoft.Xrm.Sdk.Query.ColumnSet? ColumnSet
    {
        get => Parameters.Contains("ColumnSet") ? (Microsoft.Xrm.Sdk.Query.ColumnSet?)Parameters["ColumnSet"] : default;
        set => Parameters["ColumnSet"] = value!;
    }

    public Microsoft.Xrm.Sdk.RelationshipQueryCollection? RelatedEntitiesQuery
    {
        get => Parameters.Contains("RelatedEntitiesQuery") ? (Microsoft.Xrm.Sdk.RelationshipQueryCollection?)Parameters["RelatedEntitiesQuery"] : default;
        set => Parameters["RelatedEntitiesQuery"] = value!;
    }

    public bool ReturnNotifications
    {
        get => Parameters.Contains("ReturnNotifications") ? (bool)Parameters["ReturnNotifications"] : default;
        set => Parameters["ReturnNotifications"] = value!;
    }

    public Microsoft.Xrm.Sdk.EntityReference? Target
    {
        get => Parameters.Contains("Target") ? (Microsoft.Xrm.Sdk.EntityReference?)Parameters["Target"] : default;
        set => Parameters["Target"] = value!;
    }
}
