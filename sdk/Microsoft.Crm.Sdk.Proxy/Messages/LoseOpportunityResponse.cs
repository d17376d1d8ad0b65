// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Response of the <c>LoseOpportunity</c> message.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class LoseOpportunityResponse : OrganizationResponse
{
    /// <summary>Initializes a new instance.</summary>
    public LoseOpportunityResponse()
    {
    }
}
