using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public Microsoft.Xrm.Sdk.Entity? Entity
    {
        get => Results.Contains("Entity") ? (Microsoft.Xrm.Sdk.Entity?)Results["Entity"] : default;
    }

    public object? Notifications
    {
        get => Results.Contains("Notifications") ? (object?)Results["Notifications"] : default;
    }
}
