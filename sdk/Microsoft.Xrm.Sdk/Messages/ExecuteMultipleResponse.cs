using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class ExecuteMultipleResponse : Microsoft.Xrm.Sdk.OrganizationResponse
{
    public bool IsFaulted
    {
        get => Results.Contains("IsFaulted") ? (bool)Results["IsFaulted"] : default;
    }

    public Microsoft.Xrm.Sdk.ExecuteMultipleResponseItemCollection? Responses
    {
        get => Results.Contains("Responses") ? (Microsoft.Xrm.Sdk.ExecuteMultipleResponseItemCollection?)Results["Responses"] : default;
    }
}
