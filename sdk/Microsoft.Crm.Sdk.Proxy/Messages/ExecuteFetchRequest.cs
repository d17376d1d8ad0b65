// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Request of the deprecated <c>ExecuteFetch</c> message (RetrieveMultiple with a FetchExpression replaces it).</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class ExecuteFetchRequest : OrganizationRequest
{
    /// <summary>Initializes a new instance with RequestName <c>ExecuteFetch</c>.</summary>
    public ExecuteFetchRequest()
    {
        RequestName = "ExecuteFetch";
    }

    /// <summary>Gets or sets the <c>FetchXml</c> parameter.</summary>
    public string FetchXml
    {
        get => Parameters.Contains("FetchXml") ? (string)Parameters["FetchXml"] : default;
        set => Parameters["FetchXml"] = value;
    }
}
