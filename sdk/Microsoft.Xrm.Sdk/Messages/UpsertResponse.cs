using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class UpsertResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public bool RecordCreated
    {
        get => Results.Contains("RecordCreated") ? (bool)Results["RecordCreated"] : default;
    }

    public Microsoft.Xrm.Sdk.EntityReference? Target
    {
        get => Results.Contains("Target") ? (Microsoft.Xrm.Sdk.EntityReference?)Results["Target"] : default;
    }
}
