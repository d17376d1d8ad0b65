using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class ExecuteMultipleRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public ExecuteMultipleRequest()
    {
        RequestName = "ExecuteMultiple";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        Requests = null;
        Settings = null;
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
