// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Request of the <c>LoseOpportunity</c> message. Sets the state of an opportunity to Lost.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class LoseOpportunityRequest : OrganizationRequest
{
    /// <summary>Initializes a new instance with RequestName <c>LoseOpportunity</c>.</summary>
    public LoseOpportunityRequest()
    {
        RequestName = "LoseOpportunity";
        // Required parameters exist from the start, as in Microsoft's request classes (issue 18); OptionSetValue ones do not.
        OpportunityClose = null;
    }

    /// <summary>Gets or sets the <c>OpportunityClose</c> parameter: the opportunity close activity of this state change.</summary>
    public Entity OpportunityClose
    {
        get => Parameters.Contains("OpportunityClose") ? (Entity)Parameters["OpportunityClose"] : default;
        set => Parameters["OpportunityClose"] = value;
    }

    /// <summary>Gets or sets the <c>Status</c> parameter: the new status (statuscode) of the opportunity.</summary>
    public OptionSetValue Status
    {
        get => Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : default;
        set => Parameters["Status"] = value;
    }
}
