using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

[DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class ExecuteTransactionRequest : Microsoft.Xrm.Sdk.OrganizationRequest
{
    public ExecuteTransactionRequest()
    {
        RequestName = "ExecuteTransaction";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        Requests = null;
    }

    public Microsoft.Xrm.Sdk.OrganizationRequestCollection? Requests
    {
        get => Parameters.Contains("Requests") ? (Microsoft.Xrm.Sdk.OrganizationRequestCollection?)Parameters["Requests"] : default;
        set => Parameters["Requests"] = value!;
    }

    public bool? ReturnResponses
    {
        get => Parameters.Contains("ReturnResponses") ? (bool?)Parameters["ReturnResponses"] : default;
        set => Parameters["ReturnResponses"] = value!;
    }
}
