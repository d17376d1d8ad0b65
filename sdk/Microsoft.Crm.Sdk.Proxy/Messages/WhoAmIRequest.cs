// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Request of the <c>WhoAmI</c> message. Retrieves the calling user, business unit and organization.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class WhoAmIRequest : OrganizationRequest
{
    /// <summary>Initializes a new instance with RequestName <c>WhoAmI</c>.</summary>
    public WhoAmIRequest()
    {
        RequestName = "WhoAmI";
    }
}
