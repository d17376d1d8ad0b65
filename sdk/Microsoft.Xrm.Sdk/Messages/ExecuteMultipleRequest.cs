using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class ExecuteMultipleRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public ExecuteMultipleRequest()
    {
        RequestName = "ExecuteMultiple";
    }

    public Microsoft.Xrm.Sdk.OrganizationRequestCollection? Requests
    {
        get => Parameters.Contains("Requests") ? (Microsoft.Xrm.Sdk.OrganizationRequestCollection?)Parameters["Requests"] : default;
        set => Parameters["Requests"] = value!;
    }

    public Microsoft.Xrm.Sdk.ExecuteMultipleSettings? Settings
    {
        get => Parameters.Contains("Settings") ? (Microsoft.Xrm.Sdk.ExecuteMultipleSettings?)Parameters["Settings"] : default;
        set => Parameters["Settings"] = value!;
    }
}
