// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Response of the <c>QueryExpressionToFetchXml</c> message.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class QueryExpressionToFetchXmlResponse : OrganizationResponse
{
    /// <summary>Initializes a new instance.</summary>
    public QueryExpressionToFetchXmlResponse()
    {
    }

    /// <summary>Gets the <c>FetchXml</c> result.</summary>
    public string FetchXml
    {
        get => Results.Contains("FetchXml") ? (string)Results["FetchXml"] : default;
    }
}
