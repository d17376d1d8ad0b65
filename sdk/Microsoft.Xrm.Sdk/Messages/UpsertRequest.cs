using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class UpsertRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public UpsertRequest()
    {
        RequestName = "Upsert";
    }

    public Microsoft.Xrm.Sdk.Entity? Target
    {
        get => Parameters.Contains("Target") ? (Microsoft.Xrm.Sdk.Entity?)Parameters["Target"] : default;
        set => Parameters["Target"] = value!;
    }
}
