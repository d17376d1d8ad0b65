using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>
/// The pure decisions of qualifying a lead under the policy: what to check, which columns and matches to read,
/// and what to create or link. No service calls, so every rule is testable without an organization.
/// </summary>
public static class QualificationPlanner
{
    /// <summary>Lead columns copied to the new opportunity.</summary>
    public static readonly IReadOnlyList<string> CarriedColumns =
    [
        Lead.Fields.BudgetAmount,
        Lead.Fields.PurchaseTimeframe,
        Lead.Fields.PurchaseProcess,
        Lead.Fields.DecisionMaker,
        Lead.Fields.Need,
    ];

    /// <summary>Refuses a request without a lead, or with a status reason that does not belong to Qualified.</summary>
    public static Refusal? CheckRequest(QualificationRequest request)
    {
        if (request.LeadId is null || request.LeadId.Id == System.Guid.Empty)
        {
            return new Refusal(QualificationTexts.LeadMissing);
        }

        if (request.InvalidParameters.Count > 0)
        {
            // A missing or mistyped flag is not "false": which records to create is the seller's answer, never ours.
            return new Refusal(QualificationTexts.RequestIncomplete, string.Join(", ", request.InvalidParameters));
        }

        if (request.Status is { } status && status != QualificationRequest.DefaultStatus && status != (int)LeadStatusReason.Qualified)
        {
            return new Refusal(QualificationTexts.StatusNotQualified);
        }

        return null;
    }

    /// <summary>The lead columns the decision needs: one retrieve serves both QualifyLead steps.</summary>
    public static string[] ColumnsToRead(QualificationPolicy policy) =>
        new[]
        {
            Lead.Fields.StateCode,
            Lead.Fields.CompanyName,
            Lead.Fields.EmailAddress1,
            Lead.Fields.ParentAccountId,
            Lead.Fields.ParentContactId,
            Lead.Fields.QualifyingOpportunityId,
        }
        .Concat(CarriedColumns)
        .Concat(policy.RequiredFields)
        .Distinct()
        .ToArray();

    /// <summary>
    /// Refuses a missing or closed lead, or one whose required fields are empty (all named in one message, by the
    /// organization's own labels when <paramref name="labels"/> has them, else by ours, else by logical name).
    /// </summary>
    public static Refusal? CheckLead(QualificationPolicy policy, Entity? lead, IReadOnlyDictionary<string, UserText>? labels = null)
    {
        if (lead is null)
        {
            return new Refusal(QualificationTexts.LeadNotFound);
        }

        var state = lead.GetAttributeValue<OptionSetValue>(Lead.Fields.StateCode);
        if (state is not null && state.Value != (int)LeadState.Open)
        {
            return new Refusal(QualificationTexts.LeadClosed);
        }

        var missing = MissingFields(policy, lead);
        return missing.Count == 0
            ? null
            : new Refusal(QualificationTexts.MissingFields, missing.Select(c => labels is not null && labels.TryGetValue(c.LogicalName, out var label) ? label : c.DisplayName).ToList());
    }

    /// <summary>The required columns that are empty on the lead; an empty or blank text is not filled.</summary>
    public static IReadOnlyList<LeadColumn> MissingFields(QualificationPolicy policy, Entity lead) =>
        policy.RequiredFields
            .Where(field => !IsFilled(lead, field))
            .Select(field => LeadColumns.Requirable(field) ?? new LeadColumn(field, field, field))
            .ToList();

    /// <summary>Matching an account may be wanted, whatever the lead holds: the lead query then joins the accounts.</summary>
    public static bool MayMatchAccount(QualificationPolicy policy, QualificationRequest request) =>
        policy.MatchExisting && QualificationPolicy.Wants(policy.Account, request.CreateAccount);

    /// <summary>Matching a contact may be wanted, whatever the lead holds: the lead query then joins the contacts.</summary>
    public static bool MayMatchContact(QualificationPolicy policy, QualificationRequest request) =>
        policy.MatchExisting && QualificationPolicy.Wants(policy.Contact, request.CreateContact);

    /// <summary>The company name to look for among active accounts, or null when no match is wanted.</summary>
    public static string? AccountNameToMatch(QualificationPolicy policy, QualificationRequest request, Entity lead) =>
        MayMatchAccount(policy, request)
        && ExistingAccount(policy, lead) is null
            ? Trimmed(lead.GetAttributeValue<string>(Lead.Fields.CompanyName))
            : null;

    /// <summary>The email to look for among active contacts, or null when no match is wanted.</summary>
    public static string? EmailToMatch(QualificationPolicy policy, QualificationRequest request, Entity lead) =>
        MayMatchContact(policy, request)
        && ExistingContact(policy, lead) is null
            ? Trimmed(lead.GetAttributeValue<string>(Lead.Fields.EmailAddress1))
            : null;

    /// <summary>Decides creation, linking and the opportunity's customer.</summary>
    public static QualificationPlan Plan(
        QualificationPolicy policy,
        QualificationRequest request,
        Entity lead,
        EntityReference? matchedAccount,
        EntityReference? matchedContact)
    {
        var wantAccount = QualificationPolicy.Wants(policy.Account, request.CreateAccount);
        var wantContact = QualificationPolicy.Wants(policy.Contact, request.CreateContact);
        var createOpportunity = QualificationPolicy.Wants(policy.Opportunity, request.CreateOpportunity);

        // Stryker disable once all : equivalent: the matched account is null unless both hold (AccountNameToMatch asks for no match otherwise).
        var account = Choose(ExistingAccount(policy, lead), wantAccount && policy.MatchExisting ? matchedAccount : null, wantAccount);
        // Stryker disable once all : equivalent: the matched contact is null unless both hold (EmailToMatch asks for no match otherwise).
        var contact = Choose(ExistingContact(policy, lead), wantContact && policy.MatchExisting ? matchedContact : null, wantContact);
        var createAccount = account.Source == RecordSource.Created;
        var createContact = contact.Source == RecordSource.Created;

        EntityReference? customer = null;
        if (createOpportunity && request.OpportunityCustomer is null)
        {
            customer = account.Record ?? contact.Record;
            if (customer is null && !createAccount && !createContact)
            {
                // Only reachable with reuseExisting off: the lead's own links are still a customer the user chose.
                customer = lead.GetAttributeValue<EntityReference>(Lead.Fields.ParentAccountId)
                    ?? lead.GetAttributeValue<EntityReference>(Lead.Fields.ParentContactId);
                if (customer is null)
                {
                    return QualificationPlan.Refuse(new Refusal(QualificationTexts.CustomerRequired));
                }
            }
        }

        return new QualificationPlan(
            createAccount,
            createContact,
            createOpportunity,
            account.Record,
            account.Source,
            contact.Record,
            contact.Source,
            customer,
            policy.FinishProcessWithoutOpportunity && !createOpportunity,
            null);
    }

    /// <summary>True when the lead has a value in <paramref name="column"/>; blank text counts as empty.</summary>
    public static bool IsFilled(Entity lead, string column) =>
        lead.Attributes.TryGetValue(column, out var value) && value switch
        {
            null => false,
            string text => !string.IsNullOrWhiteSpace(text),
            EntityReference reference => reference.Id != System.Guid.Empty,
            _ => true,
        };

    private static EntityReference? ExistingAccount(QualificationPolicy policy, Entity lead) =>
        policy.ReuseExisting ? lead.GetAttributeValue<EntityReference>(Lead.Fields.ParentAccountId) : null;

    private static EntityReference? ExistingContact(QualificationPolicy policy, Entity lead) =>
        policy.ReuseExisting ? lead.GetAttributeValue<EntityReference>(Lead.Fields.ParentContactId) : null;

    private static RecordChoice Choose(EntityReference? existing, EntityReference? matched, bool wanted)
    {
        if (existing is not null)
        {
            return new RecordChoice(existing, RecordSource.Existing);
        }

        if (matched is not null)
        {
            return new RecordChoice(matched, RecordSource.Matched);
        }

        return new RecordChoice(null, wanted ? RecordSource.Created : RecordSource.None);
    }

    // A class, not a tuple: System.ValueTuple is not part of .NET Framework 4.6.2, so the sandbox could not load it.
    private sealed class RecordChoice(EntityReference? record, RecordSource source)
    {
        public EntityReference? Record { get; } = record;

        public RecordSource Source { get; } = source;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}
