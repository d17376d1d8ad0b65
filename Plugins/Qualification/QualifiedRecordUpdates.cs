using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Qualification;

/// <summary>The pure decisions of the post-operation step: which columns to write on the new opportunity and on the lead.</summary>
public static class QualifiedRecordUpdates
{
    /// <summary>The record of <paramref name="table"/> in QualifyLead's CreatedEntities, or null.</summary>
    public static EntityReference? Created(IEnumerable<EntityReference>? created, string table) =>
        created?.FirstOrDefault(r => string.Equals(r.LogicalName, table, StringComparison.Ordinal));

    /// <summary>
    /// The update of the new opportunity: the account and contact used, the customer and the lead's qualification
    /// columns; null when no opportunity was created or there is nothing to write.
    /// </summary>
    public static Entity? ForOpportunity(QualificationHandoff handoff, IEnumerable<EntityReference>? created)
    {
        var list = created?.ToList();
        var opportunity = Created(list, Opportunity.EntityName);
        if (opportunity is null)
        {
            return null;
        }

        var account = AccountUsed(handoff, list);
        var contact = ContactUsed(handoff, list);
        var update = OpportunityValues(new Entity(Opportunity.EntityName, opportunity.Id), handoff, account, contact);
        return update.Attributes.Count == 0 ? null : update;
    }

    /// <summary>
    /// True when the opportunity's Create can be given everything <see cref="ForOpportunity"/> would write: the ids of
    /// records QualifyLead creates are not known before they exist, and the platform names a new account (contact) on
    /// the opportunity only where the lead had none, so a record created beside an existing link of the lead (reuseExisting
    /// off) leaves the work to the Update after QualifyLead.
    /// </summary>
    public static bool CanShapeOpportunity(QualificationHandoff handoff) =>
        handoff is not null
        && !(handoff.AccountCreated && handoff.LeadAccountId is not null)
        && !(handoff.ContactCreated && handoff.LeadContactId is not null);

    /// <summary>
    /// Gives the opportunity QualifyLead is creating (its Create Target, pre-operation) what <see cref="ForOpportunity"/>
    /// would write afterwards: the account and contact used (reused or matched ones from the hand-off, created ones as the
    /// platform set them on the Target), the customer and the lead's qualification columns. Returns the columns set.
    /// Only where <see cref="CanShapeOpportunity"/>.
    /// </summary>
    public static IReadOnlyList<string> ShapeOpportunity(Entity target, QualificationHandoff handoff)
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        if (handoff is null)
        {
            throw new ArgumentNullException(nameof(handoff));
        }

        var account = handoff.LinkedAccountId is { } accountId
            ? new EntityReference(Account.EntityName, accountId)
            : handoff.AccountCreated ? target.GetAttributeValue<EntityReference>(Opportunity.Fields.ParentAccountId) : null;
        var contact = handoff.LinkedContactId is { } contactId
            ? new EntityReference(Contact.EntityName, contactId)
            : handoff.ContactCreated ? target.GetAttributeValue<EntityReference>(Opportunity.Fields.ParentContactId) : null;
        var before = new HashSet<string>(target.Attributes.Keys, StringComparer.Ordinal);
        var values = OpportunityValues(new Entity(Opportunity.EntityName), handoff, account, contact);
        var set = new List<string>();
        foreach (var pair in values.Attributes)
        {
            if (!before.Contains(pair.Key) || !Equals(target[pair.Key], pair.Value))
            {
                target[pair.Key] = pair.Value;
                set.Add(pair.Key);
            }
        }

        return set;
    }

    /// <summary>
    /// The update of the lead: qualifyingopportunityid when it was empty, and the account and contact used when
    /// they differ from the lead's; null when there is nothing to write.
    /// </summary>
    public static Entity? ForLead(Guid leadId, QualificationHandoff handoff, IEnumerable<EntityReference>? created)
    {
        var list = created?.ToList();
        var update = new Entity(Lead.EntityName, leadId);
        var opportunity = Created(list, Opportunity.EntityName);
        if (handoff.SetQualifyingOpportunity && opportunity is not null)
        {
            update[Lead.Fields.QualifyingOpportunityId] = new EntityReference(Opportunity.EntityName, opportunity.Id);
        }

        var account = AccountUsed(handoff, list);
        if (account is not null && account.Id != handoff.LeadAccountId)
        {
            update[Lead.Fields.ParentAccountId] = account;
        }

        var contact = ContactUsed(handoff, list);
        if (contact is not null && contact.Id != handoff.LeadContactId)
        {
            update[Lead.Fields.ParentContactId] = contact;
        }

        return update.Attributes.Count == 0 ? null : update;
    }

    /// <summary>
    /// The opportunity's columns from the qualification, the same whether they go into its Create (pre-operation) or
    /// the Update after QualifyLead: account and contact used, customer, and the lead's qualification columns.
    /// </summary>
    private static Entity OpportunityValues(Entity into, QualificationHandoff handoff, EntityReference? account, EntityReference? contact)
    {
        SetIfValue(into, Opportunity.Fields.ParentAccountId, account);
        SetIfValue(into, Opportunity.Fields.ParentContactId, contact);
        SetIfValue(into, Opportunity.Fields.CustomerId, handoff.Customer ?? account ?? contact);
        SetIfValue(into, Opportunity.Fields.BudgetAmount, handoff.BudgetAmount is { } budget ? new Money(budget) : null);
        SetIfValue(into, Opportunity.Fields.PurchaseTimeframe, Option(handoff.PurchaseTimeframe));
        SetIfValue(into, Opportunity.Fields.PurchaseProcess, Option(handoff.PurchaseProcess));
        SetIfValue(into, Opportunity.Fields.DecisionMaker, handoff.DecisionMaker);
        SetIfValue(into, Opportunity.Fields.Need, Option(handoff.Need));
        return into;
    }

    private static EntityReference? AccountUsed(QualificationHandoff handoff, List<EntityReference>? created) =>
        handoff.LinkedAccountId is { } id
            ? new EntityReference(Account.EntityName, id)
            : Reference(Created(created, Account.EntityName));

    private static EntityReference? ContactUsed(QualificationHandoff handoff, List<EntityReference>? created) =>
        handoff.LinkedContactId is { } id
            ? new EntityReference(Contact.EntityName, id)
            : Reference(Created(created, Contact.EntityName));

    private static EntityReference? Reference(EntityReference? created) =>
        created is null ? null : new EntityReference(created.LogicalName, created.Id);

    private static OptionSetValue? Option(int? value) => value is { } v ? new OptionSetValue(v) : null;

    private static void SetIfValue(Entity entity, string column, object? value)
    {
        if (value is not null)
        {
            entity[column] = value;
        }
    }
}
