// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Response of the <c>FetchXmlToQueryExpression</c> message.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class FetchXmlToQueryExpressionResponse : OrganizationResponse
{
    /// <summary>Initializes a new instance.</summary>
    public FetchXmlToQueryExpressionResponse()
    {
    }

    /// <summary>Gets the <c>Query</c> result.</summary>
    public Microsoft.Xrm.Sdk.Query.QueryExpression Query
    {
        get => Results.Contains("Query") ? (Microsoft.Xrm.Sdk.Query.QueryExpression)Results["Query"] : default;
    }
}
