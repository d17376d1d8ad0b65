using System.Collections.Generic;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>The QualifyLead input parameters this rule reads and rewrites.</summary>
public sealed class QualificationRequest
{
    /// <summary>The status value meaning "the default status reason of the new state".</summary>
    public const int DefaultStatus = -1;

    /// <summary>Creates a request.</summary>
    public QualificationRequest(
        EntityReference? leadId, bool createAccount, bool createContact, bool createOpportunity, EntityReference? opportunityCustomer, int? status,
        IReadOnlyList<string>? invalidParameters = null)
    {
        InvalidParameters = invalidParameters ?? [];
        LeadId = leadId;
        CreateAccount = createAccount;
        CreateContact = createContact;
        CreateOpportunity = createOpportunity;
        OpportunityCustomer = opportunityCustomer;
        Status = status;
    }

    /// <summary>The Create flags and Status that are missing or of the wrong type: never taken as false or the default.</summary>
    public IReadOnlyList<string> InvalidParameters { get; }

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
    public static QualificationRequest From(ParameterCollection input)
    {
        var invalid = new List<string>();
        bool Flag(string name)
        {
            if (Get<bool?>(input, name) is { } value)
            {
                return value;
            }

            invalid.Add(name);
            return false;
        }

        var createAccount = Flag(ParameterNames.CreateAccount);
        var createContact = Flag(ParameterNames.CreateContact);
        var createOpportunity = Flag(ParameterNames.CreateOpportunity);
        var status = ReadStatus(input);
        if (status is null)
        {
            invalid.Add(ParameterNames.Status);
        }

        return new(
            Get<EntityReference>(input, ParameterNames.LeadId), createAccount, createContact, createOpportunity,
            ValidReference(Get<EntityReference>(input, ParameterNames.OpportunityCustomerId)), status, invalid);
    }

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
