// The real SDK is nullable-oblivious; keep consumers seeing the same (unannotated) signatures.
#nullable disable
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Request of the <c>QualifyLead</c> message. Qualifies a lead and optionally creates an account, contact and opportunity from it.</summary>
[DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
public sealed class QualifyLeadRequest : OrganizationRequest
{
    /// <summary>Initializes a new instance with RequestName <c>QualifyLead</c>.</summary>
    public QualifyLeadRequest()
    {
        RequestName = "QualifyLead";
        // As Microsoft's class (observed, issue 18): LeadId and the three Create flags exist from the start; Status does not.
        LeadId = null;
        CreateAccount = false;
        CreateContact = false;
        CreateOpportunity = false;
    }

    /// <summary>Gets or sets the <c>CreateAccount</c> parameter.</summary>
    public bool CreateAccount
    {
        get => Parameters.Contains("CreateAccount") ? (bool)Parameters["CreateAccount"] : default;
        set => Parameters["CreateAccount"] = value;
    }

    /// <summary>Gets or sets the <c>CreateContact</c> parameter.</summary>
    public bool CreateContact
    {
        get => Parameters.Contains("CreateContact") ? (bool)Parameters["CreateContact"] : default;
        set => Parameters["CreateContact"] = value;
    }

    /// <summary>Gets or sets the <c>CreateOpportunity</c> parameter.</summary>
    public bool CreateOpportunity
    {
        get => Parameters.Contains("CreateOpportunity") ? (bool)Parameters["CreateOpportunity"] : default;
        set => Parameters["CreateOpportunity"] = value;
    }

    /// <summary>Gets or sets the <c>LeadId</c> parameter.</summary>
    public EntityReference LeadId
    {
        get => Parameters.Contains("LeadId") ? (EntityReference)Parameters["LeadId"] : default;
        set => Parameters["LeadId"] = value;
    }

    /// <summary>Gets or sets the <c>OpportunityCurrencyId</c> parameter.</summary>
    public EntityReference OpportunityCurrencyId
    {
        get => Parameters.Contains("OpportunityCurrencyId") ? (EntityReference)Parameters["OpportunityCurrencyId"] : default;
        set => Parameters["OpportunityCurrencyId"] = value;
    }

    /// <summary>Gets or sets the <c>OpportunityCustomerId</c> parameter.</summary>
    public EntityReference OpportunityCustomerId
    {
        get => Parameters.Contains("OpportunityCustomerId") ? (EntityReference)Parameters["OpportunityCustomerId"] : default;
        set => Parameters["OpportunityCustomerId"] = value;
    }

    /// <summary>Gets or sets the <c>ProcessInstanceId</c> parameter.</summary>
    public EntityReference ProcessInstanceId
    {
        get => Parameters.Contains("ProcessInstanceId") ? (EntityReference)Parameters["ProcessInstanceId"] : default;
        set => Parameters["ProcessInstanceId"] = value;
    }

    /// <summary>Gets or sets the <c>SourceCampaignId</c> parameter.</summary>
    public EntityReference SourceCampaignId
    {
        get => Parameters.Contains("SourceCampaignId") ? (EntityReference)Parameters["SourceCampaignId"] : default;
        set => Parameters["SourceCampaignId"] = value;
    }

    /// <summary>Gets or sets the <c>Status</c> parameter.</summary>
    public OptionSetValue Status
    {
        get => Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : default;
        set => Parameters["Status"] = value;
    }
}
