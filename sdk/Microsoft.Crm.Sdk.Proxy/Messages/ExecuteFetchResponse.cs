// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Response of the deprecated <c>ExecuteFetch</c> message.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class ExecuteFetchResponse : OrganizationResponse
{
    /// <summary>Initializes a new instance.</summary>
    public ExecuteFetchResponse()
    {
    }

    /// <summary>Gets the <c>FetchXmlResult</c> result: the rows as a <c>resultset</c> XML document.</summary>
    public string FetchXmlResult
    {
        get => Results.Contains("FetchXmlResult") ? (string)Results["FetchXmlResult"] : default;
    }
}
