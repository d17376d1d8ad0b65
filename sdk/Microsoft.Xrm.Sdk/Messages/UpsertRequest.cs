using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class UpsertRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public UpsertRequest()
    {
        RequestName = "Upsert";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        Target = null;
    }

    public Microsoft.Xrm.Sdk.Entity? Target
    {
        get => Parameters.Contains("Target") ? (Microsoft.Xrm.Sdk.Entity?)Parameters["Target"] : default;
        set => Parameters["Target"] = value!;
    }
}
