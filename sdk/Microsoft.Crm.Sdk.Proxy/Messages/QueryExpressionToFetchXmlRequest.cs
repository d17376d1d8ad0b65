// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Request of the <c>QueryExpressionToFetchXml</c> message.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class QueryExpressionToFetchXmlRequest : OrganizationRequest
{
    /// <summary>Initializes a new instance with RequestName <c>QueryExpressionToFetchXml</c>.</summary>
    public QueryExpressionToFetchXmlRequest()
    {
        RequestName = "QueryExpressionToFetchXml";
    }

    /// <summary>Gets or sets the <c>Query</c> parameter.</summary>
    public Microsoft.Xrm.Sdk.Query.QueryBase Query
    {
        get => Parameters.Contains("Query") ? (Microsoft.Xrm.Sdk.Query.QueryBase)Parameters["Query"] : default;
        set => Parameters["Query"] = value;
    }
}
