using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class CreateResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public System.Guid id
    {
        get => Results.Contains("id") ? (System.Guid)Results["id"] : default;
    }
}
