using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class DeleteRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public DeleteRequest()
    {
        RequestName = "Delete";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        Target = null;
    }

    public Microsoft.Xrm.Sdk.ConcurrencyBehavior ConcurrencyBehavior
    {
        get => Parameters.Contains("ConcurrencyBehavior") ? (Microsoft.Xrm.Sdk.ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default;
        set => Parameters["ConcurrencyBehavior"] = value!;
    }

    public Microsoft.Xrm.Sdk.EntityReference? Target
    {
        get => Parameters.Contains("Target") ? (Microsoft.Xrm.Sdk.EntityReference?)Parameters["Target"] : default;
        set => Parameters["Target"] = value!;
    }
}
