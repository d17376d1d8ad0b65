using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>The QualifyLead input parameters this rule reads and rewrites.</summary>
public sealed class QualificationRequest
{
    /// <summary>The status value meaning "the default status reason of the new state".</summary>
    public const int DefaultStatus = -1;

    /// <summary>Creates a request.</summary>
    public QualificationRequest(EntityReference? leadId, bool createAccount, bool createContact, bool createOpportunity, EntityReference? opportunityCustomer, int? status)
    {
        LeadId = leadId;
        CreateAccount = createAccount;
        CreateContact = createContact;
        CreateOpportunity = createOpportunity;
        OpportunityCustomer = opportunityCustomer;
        Status = status;
    }

    /// <summary>The lead to qualify.</summary>
    public EntityReference? LeadId { get; }

    /// <summary>The caller asked for an account.</summary>
    public bool CreateAccount { get; }

    /// <summary>The caller asked for a contact.</summary>
    public bool CreateContact { get; }

    /// <summary>The caller asked for an opportunity.</summary>
    public bool CreateOpportunity { get; }

    /// <summary>The customer the caller chose for the opportunity, if any.</summary>
    public EntityReference? OpportunityCustomer { get; }

    /// <summary>The lead status reason to set; −1 or null for the default.</summary>
    public int? Status { get; }

    /// <summary>Reads the request from QualifyLead's input parameters.</summary>
    public static QualificationRequest From(ParameterCollection input) => new(
        Get<EntityReference>(input, ParameterNames.LeadId),
        Get<bool?>(input, ParameterNames.CreateAccount) ?? false,
        Get<bool?>(input, ParameterNames.CreateContact) ?? false,
        Get<bool?>(input, ParameterNames.CreateOpportunity) ?? false,
        ValidReference(Get<EntityReference>(input, ParameterNames.OpportunityCustomerId)),
        ReadStatus(input));

    private static int? ReadStatus(ParameterCollection input) =>
        input.TryGetValue(ParameterNames.Status, out var value)
            ? value switch
            {
                OptionSetValue option => option.Value,
                int number => number,
                _ => null,
            }
            : null;

    // The Sales Hub sends an empty object for "no customer"; treat a reference without id as absent.
    private static EntityReference? ValidReference(EntityReference? reference) =>
        reference is null || reference.Id == System.Guid.Empty ? null : reference;

    private static T? Get<T>(ParameterCollection input, string key) =>
        input.TryGetValue(key, out var value) && value is T typed ? typed : default;
}
