using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class RetrieveMultipleResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public Microsoft.Xrm.Sdk.EntityCollection? EntityCollection
    {
        get => Results.Contains("EntityCollection") ? (Microsoft.Xrm.Sdk.EntityCollection?)Results["EntityCollection"] : default;
    }
}
