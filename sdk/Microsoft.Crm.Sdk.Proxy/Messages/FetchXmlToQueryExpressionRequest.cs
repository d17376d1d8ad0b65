// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Request of the <c>FetchXmlToQueryExpression</c> message.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class FetchXmlToQueryExpressionRequest : OrganizationRequest
{
    /// <summary>Initializes a new instance with RequestName <c>FetchXmlToQueryExpression</c>.</summary>
    public FetchXmlToQueryExpressionRequest()
    {
        RequestName = "FetchXmlToQueryExpression";
    }

    /// <summary>Gets or sets the <c>FetchXml</c> parameter.</summary>
    public string FetchXml
    {
        get => Parameters.Contains("FetchXml") ? (string)Parameters["FetchXml"] : default;
        set => Parameters["FetchXml"] = value;
    }
}
