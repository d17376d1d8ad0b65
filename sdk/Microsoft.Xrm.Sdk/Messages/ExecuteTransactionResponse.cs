using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class ExecuteTransactionResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public Microsoft.Xrm.Sdk.OrganizationResponseCollection? Responses
    {
        get => Results.Contains("Responses") ? (Microsoft.Xrm.Sdk.OrganizationResponseCollection?)Results["Responses"] : default;
    }
}
